-- Projects' credit limits (shared/API.md, "Projects, access and audit": `credits` in the current
-- generation, `gb_seconds` in 2022, set by PATCH /projects/{name}). NULL is no limit. Whether the
-- project is suspended is not stored: it is the project's credits in the organization's current
-- subscription period compared with this limit, computed when the project is read, so that usage
-- arriving and a new period starting change it without any write to the project.
ALTER TABLE projects ADD COLUMN credit_limit REAL CHECK (credit_limit IS NULL OR credit_limit >= 0);
