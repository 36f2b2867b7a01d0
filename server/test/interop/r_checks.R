# Drives the local API server through the official UbiOps R client 0.5.0 (2022 generation).
# Every organizations and projects endpoint through the client's own functions, the errors included. Run by
# server/test/interop.test.ts, which starts the server and creates the callers:
#   R_LIBS=<lib with ubiops installed> Rscript r_checks.R
# Environment: as python_checks.py (UBIOPS_API_URL, ADMIN_TOKEN, MEMBER_TOKEN, MEMBER_EMAIL,
# OUTSIDER_TOKEN, STAFF_TOKEN, USAGE_*, NAME_PREFIX); UBIOPS_PROJECT must be set to anything.
# Prints `PASS <check>` or `FAIL <check>: <why>` per check, then `SUMMARY {...}`; exits 1 on a failure.

env <- function(name) Sys.getenv(name, unset = NA)
token <- function(name) paste("Token", env(name))
ADMIN <- token("ADMIN_TOKEN")
MEMBER <- token("MEMBER_TOKEN")
OUTSIDER <- token("OUTSIDER_TOKEN")
STAFF <- token("STAFF_TOKEN")
STRANGER <- paste0("Token not-a-token-", env("NAME_PREFIX"))
PREFIX <- env("NAME_PREFIX")
ORG <- paste0(PREFIX, "-org")
RENAMED <- paste0(PREFIX, "-renamed")
MEMBER_EMAIL <- env("MEMBER_EMAIL")
state <- new.env()
passed <- 0
failed <- 0

check <- function(name, test) {
  outcome <- tryCatch({ test(); NULL }, error = function(e) conditionMessage(e))
  if (is.null(outcome)) {
    passed <<- passed + 1
    cat(sprintf("PASS %s\n", name))
  } else {
    failed <<- failed + 1
    cat(sprintf("FAIL %s: %s\n", name, substr(gsub("\n", " ", outcome), 1, 400)))
  }
}

expect <- function(condition, message) if (!isTRUE(condition)) stop(message, call. = FALSE)

# The call fails with "Error (<status>) : <the server's error>" containing `fragment`.
expect_error <- function(call, status, fragment) {
  message <- tryCatch({ call; NULL }, error = function(e) conditionMessage(e))
  expect(!is.null(message), sprintf("no error; expected %s", status))
  expect(startsWith(message, sprintf("Error (%s) : ", status)), sprintf("expected %s, got: %s", status, message))
  expect(grepl(fragment, message, fixed = TRUE), sprintf("%s lacks %s", message, fragment))
}

check("service_status", function() {
  expect(ubiops::service_status(UBIOPS_API_TOKEN = ADMIN)$status == "ok", "not ok")
})

check("organizations_create (free)", function() {
  created <- ubiops::organizations_create(list(name = ORG, subscription = "free"), UBIOPS_API_TOKEN = ADMIN)
  expect(created$name == ORG, paste("name", created$name))
  expect(nchar(created$id) == 36, paste("id", created$id))
  expect(!is.null(created$creation_date), "no creation_date")
  expect(setequal(names(created), c("id", "name", "creation_date")), paste(names(created), collapse = ","))
})

check("organizations_create (professional, by staff)", function() {
  created <- ubiops::organizations_create(
    list(name = paste0(PREFIX, "-paid"), subscription = "professional", subscription_end_date = "2099-12-31"),
    UBIOPS_API_TOKEN = STAFF
  )
  expect(created$name == paste0(PREFIX, "-paid"), "name")
})

check("organizations_list", function() {
  names <- vapply(ubiops::organizations_list(UBIOPS_API_TOKEN = ADMIN), function(o) o$name, "")
  expect(ORG %in% names, paste(names, collapse = ","))
  expect(identical(names, sort(names, method = "radix")), "not by name")
})

check("organizations_get", function() {
  detail <- ubiops::organizations_get(ORG, UBIOPS_API_TOKEN = ADMIN)
  expect(detail$subscription == "free" && detail$status == "active", "detail")
  expect(isTRUE(detail$subscription_self_service), "self service")
})

check("organizations_resource_usage", function() {
  counts <- ubiops::organizations_resource_usage(ORG, UBIOPS_API_TOKEN = ADMIN)
  expect(counts$users == 1 && counts$projects == 0 && counts$pipeline_versions == 0, "counts")
  expect(is.null(counts$buckets), "the 2022 generation has no buckets")
})

check("organization_users_create", function() {
  added <- ubiops::organization_users_create(ORG, list(email = MEMBER_EMAIL, admin = FALSE), UBIOPS_API_TOKEN = ADMIN)
  expect(added$email == MEMBER_EMAIL && identical(added$admin, FALSE), "member")
  state$member_id <- added$id
})

check("organization_users_list", function() {
  members <- ubiops::organization_users_list(ORG, UBIOPS_API_TOKEN = ADMIN)
  emails <- vapply(members, function(m) m$email, "")
  expect(length(emails) == 2 && MEMBER_EMAIL %in% emails, paste(emails, collapse = ","))
  state$admin_id <- Filter(function(m) m$email != MEMBER_EMAIL, members)[[1]]$id
})

check("organization_users_get", function() {
  found <- ubiops::organization_users_get(ORG, state$member_id, UBIOPS_API_TOKEN = ADMIN)
  expect(found$email == MEMBER_EMAIL, "email")
})

check("organization_users_update (promote, demote)", function() {
  promoted <- ubiops::organization_users_update(ORG, state$member_id, list(admin = TRUE), UBIOPS_API_TOKEN = ADMIN)
  expect(isTRUE(promoted$admin), "not promoted")
  demoted <- ubiops::organization_users_update(ORG, state$member_id, list(admin = FALSE), UBIOPS_API_TOKEN = ADMIN)
  expect(identical(demoted$admin, FALSE), "not demoted")
})

check("organizations_update (rename and back)", function() {
  renamed <- ubiops::organizations_update(ORG, list(name = RENAMED), UBIOPS_API_TOKEN = ADMIN)
  expect(renamed$name == RENAMED, "name")
  expect_error(ubiops::organizations_get(ORG, UBIOPS_API_TOKEN = ADMIN), 404, "no organization")
  back <- ubiops::organizations_update(RENAMED, list(name = ORG), UBIOPS_API_TOKEN = ADMIN)
  expect(back$name == ORG, "name back")
})

check("organizations_update (subscription, by staff)", function() {
  changed <- ubiops::organizations_update(
    ORG,
    list(subscription = "professional", subscription_start_date = "2026-01-01", subscription_end_date = "2099-01-01"),
    UBIOPS_API_TOKEN = STAFF
  )
  expect(changed$subscription == "professional", "subscription")
})

check("organizations_usage_get (range, sums)", function() {
  usage <- ubiops::organizations_usage_get(
    env("USAGE_ORGANIZATION"), start.date = env("USAGE_START"), end.date = env("USAGE_END"), interval = "month",
    UBIOPS_API_TOKEN = ADMIN
  )
  expect(length(usage) == 5, "five series")
  credits <- Filter(function(s) s$object_type == "deployment_version" && s$metric == "credits", usage)[[1]]
  total <- sum(vapply(credits$usage, function(b) as.numeric(b$value), 0))
  expect(abs(total - as.numeric(env("USAGE_TOTAL_CREDITS"))) < 0.001, paste("credits", total))
})

check("projects_usage_get (range, sums)", function() {
  usage <- ubiops::projects_usage_get(
    start.date = env("USAGE_START"), end.date = env("USAGE_END"), interval = "month",
    UBIOPS_API_TOKEN = ADMIN, UBIOPS_PROJECT = env("USAGE_PROJECT")
  )
  expect(length(usage) == 5, "five series")
  credits <- Filter(function(s) s$object_type == "deployment_version" && s$metric == "credits", usage)[[1]]
  total <- sum(vapply(credits$usage, function(b) as.numeric(b$value), 0))
  expect(abs(total - as.numeric(env("USAGE_PROJECT_CREDITS"))) < 0.001, paste("credits", total))
})

check("projects_usage_get errors: 400 interval, 404 outsider", function() {
  expect_error(ubiops::projects_usage_get(interval = "week", UBIOPS_API_TOKEN = ADMIN, UBIOPS_PROJECT = env("USAGE_PROJECT")), 400, "interval")
  expect_error(ubiops::projects_usage_get(UBIOPS_API_TOKEN = OUTSIDER, UBIOPS_PROJECT = env("USAGE_PROJECT")), 404, "no project")
})

check("organizations_usage_get (default period)", function() {
  usage <- ubiops::organizations_usage_get(ORG, UBIOPS_API_TOKEN = ADMIN)
  expect(all(vapply(usage, function(s) length(s$usage) == 1, TRUE)), "one bucket per series")
})

check("error 400: bad name", function() {
  expect_error(ubiops::organizations_create(list(name = "Bad Name!", subscription = "free"), UBIOPS_API_TOKEN = ADMIN), 400, "name:")
})

check("error 400: taken name", function() {
  expect_error(ubiops::organizations_create(list(name = ORG, subscription = "free"), UBIOPS_API_TOKEN = ADMIN), 400, "already exists")
})

check("error 400: last admin (demote, remove)", function() {
  expect_error(ubiops::organization_users_update(ORG, state$admin_id, list(admin = FALSE), UBIOPS_API_TOKEN = ADMIN), 400, "last admin")
  expect_error(ubiops::organization_users_delete(ORG, state$admin_id, UBIOPS_API_TOKEN = ADMIN), 400, "last admin")
})

check("error 400: bad usage interval", function() {
  expect_error(ubiops::organizations_usage_get(ORG, interval = "week", UBIOPS_API_TOKEN = ADMIN), 400, "interval")
})

check("error 401: unknown token", function() {
  expect_error(ubiops::organizations_list(UBIOPS_API_TOKEN = STRANGER), 401, "token")
})

check("error 403: member without the right", function() {
  expect_error(ubiops::organization_users_create(ORG, list(email = paste0("x-", MEMBER_EMAIL)), UBIOPS_API_TOKEN = MEMBER), 403, "Only admins")
  expect_error(ubiops::organizations_update(ORG, list(subscription = "enterprise"), UBIOPS_API_TOKEN = ADMIN), 403, "platform operator")
})

check("error 404: unknown organization, outsider, unknown member", function() {
  expect_error(ubiops::organizations_get(paste0(PREFIX, "-missing"), UBIOPS_API_TOKEN = ADMIN), 404, "no organization")
  expect_error(ubiops::organizations_get(ORG, UBIOPS_API_TOKEN = OUTSIDER), 404, "no organization")
  expect_error(ubiops::organization_users_get(ORG, "00000000-0000-4000-8000-000000000000", UBIOPS_API_TOKEN = ADMIN), 404, "no member")
})

check("organization_users_delete", function() {
  ubiops::organization_users_delete(ORG, state$member_id, UBIOPS_API_TOKEN = ADMIN)
  expect_error(ubiops::organization_users_get(ORG, state$member_id, UBIOPS_API_TOKEN = ADMIN), 404, "no member")
})

check("error 400: member added twice", function() {
  ubiops::organization_users_create(ORG, list(email = MEMBER_EMAIL), UBIOPS_API_TOKEN = ADMIN)
  expect_error(ubiops::organization_users_create(ORG, list(email = MEMBER_EMAIL), UBIOPS_API_TOKEN = ADMIN), 400, "already a member")
})

# Projects, project users, roles and role assignments (2022 shapes). The client takes the project
# from UBIOPS_PROJECT, given here per call.
P_ORG <- paste0(PREFIX, "-projects")
PROJECT <- paste0(PREFIX, "-project")
project_call <- function(fn, ..., token = ADMIN, project = PROJECT) fn(..., UBIOPS_API_TOKEN = token, UBIOPS_PROJECT = project)

check("projects_create", function() {
  ubiops::organizations_create(list(name = P_ORG, subscription = "free"), UBIOPS_API_TOKEN = ADMIN)
  state$p_member_id <- ubiops::organization_users_create(P_ORG, list(email = MEMBER_EMAIL), UBIOPS_API_TOKEN = ADMIN)$id
  created <- ubiops::projects_create(list(name = PROJECT, organization_name = P_ORG), UBIOPS_API_TOKEN = ADMIN)
  expect(created$name == PROJECT && created$organization_name == P_ORG, "project")
  expect(identical(created$advanced_permissions, FALSE) && identical(created$suspended, FALSE), "flags")
  expect(nchar(created$id) == 36, paste("id", created$id))
  expect("gb_seconds" %in% names(created) && !("credits" %in% names(created)), paste(names(created), collapse = ","))
})

check("projects_list, projects_get", function() {
  names <- vapply(ubiops::projects_list(UBIOPS_API_TOKEN = ADMIN), function(p) p$name, "")
  expect(PROJECT %in% names, paste(names, collapse = ","))
  expect(project_call(ubiops::projects_get)$organization_name == P_ORG, "organization_name")
})

check("project_users_create, project_users_list, project_users_get", function() {
  added <- project_call(ubiops::project_users_create, list(user_id = state$p_member_id))
  expect(added$email == MEMBER_EMAIL, "added")
  emails <- vapply(project_call(ubiops::project_users_list), function(u) u$email, "")
  expect(MEMBER_EMAIL %in% emails && length(emails) == 2, paste(emails, collapse = ","))
  expect(project_call(ubiops::project_users_get, state$p_member_id)$id == state$p_member_id, "get")
})

check("roles_list (project user)", function() {
  names <- vapply(project_call(ubiops::roles_list, token = MEMBER), function(r) r$name, "")
  expect(all(c("project-admin", "project-editor", "project-viewer") %in% names), paste(names, collapse = ","))
})

check("role_assignments_create, role_assignments_per_user_list, role_assignments_get", function() {
  given <- project_call(ubiops::role_assignments_create, list(user_id = state$p_member_id, role = "project-viewer"))
  expect(given$user_id == state$p_member_id && given$role == "project-viewer", "assignment")
  expect(given$object_type == "project" && given$object_name == PROJECT, "object")
  listed <- project_call(ubiops::role_assignments_per_user_list, state$p_member_id)
  expect(length(listed) == 1 && listed[[1]]$id == given$id, "listed")
  expect(project_call(ubiops::role_assignments_get, given$id)$role == "project-viewer", "get")
  own <- project_call(ubiops::role_assignments_per_user_list, state$p_member_id, token = MEMBER)
  expect(length(own) == 1, "a project user reads their own assignments")
  state$assignment_id <- given$id
})

check("role_assignments_delete", function() {
  editor <- project_call(ubiops::role_assignments_create,
    list(user_id = state$p_member_id, role = "project-editor", object_name = PROJECT, object_type = "project"))
  project_call(ubiops::role_assignments_delete, editor$id)
  expect_error(project_call(ubiops::role_assignments_get, editor$id), 404, "no role assignment")
})

check("projects_update (gb_seconds: suspend, lift, clear; 403, 400)", function() {
  # The project has no usage: a limit of 0 is reached at once.
  suspended <- project_call(ubiops::projects_update, list(gb_seconds = 0))
  expect(suspended$gb_seconds == 0 && isTRUE(suspended$suspended), "not suspended")
  expect(grepl("credit limit (gb_seconds: 0)", suspended$suspended_reason, fixed = TRUE), "reason")
  raised <- project_call(ubiops::projects_update, list(gb_seconds = 100, suspend = FALSE))
  expect(isFALSE(raised$suspended) && is.null(raised$suspended_reason), "not lifted")
  cleared <- project_call(ubiops::projects_update, list(gb_seconds = NULL))
  expect(is.null(cleared$gb_seconds) && isFALSE(cleared$suspended), "not cleared")
  expect_error(project_call(ubiops::projects_update, list(gb_seconds = 5), token = MEMBER), 403, "Only project admins")
  expect_error(project_call(ubiops::projects_update, list(gb_seconds = -1)), 400, "gb_seconds:")
})

check("service_users_create, list, get, token, update, delete; 401 after reset; 403", function() {
  created <- project_call(ubiops::service_users_create, list(name = "bot"))
  expect(created$name == "bot" && nchar(created$token) == 64, "created")
  listed <- project_call(ubiops::service_users_list)
  expect(length(listed) == 1 && listed[[1]]$id == created$id && is.null(listed[[1]]$token), "listed")
  bot <- paste("Token", created$token)
  expect(length(ubiops::projects_list(UBIOPS_API_TOKEN = bot)) == 0, "a service user without a role sees projects")
  expect(project_call(ubiops::service_users_get, created$id)$name == "bot", "get")
  reset <- project_call(ubiops::service_users_token, created$id)
  expect(nchar(reset$token) == 64 && reset$token != created$token, "reset")
  expect_error(ubiops::projects_list(UBIOPS_API_TOKEN = bot), 401, "not valid")
  expect(project_call(ubiops::service_users_update, created$id, list(name = "bot-2"))$name == "bot-2", "update")
  expect_error(project_call(ubiops::service_users_list, token = MEMBER), 403, "Only project admins")
  project_call(ubiops::service_users_delete, created$id)
  expect_error(project_call(ubiops::service_users_get, created$id), 404, "no service user")
})

check("role_assignments_create for a service user; its token reads the project, 403 elsewhere", function() {
  created <- project_call(ubiops::service_users_create, list(name = "reader"))
  bot <- paste("Token", created$token)
  expect_error(project_call(ubiops::projects_get, token = bot), 403, "holds no role")
  given <- project_call(ubiops::role_assignments_create, list(user_id = created$id, role = "project-editor"))
  expect(given$user_id == created$id && given$object_type == "project", "assignment")
  listed <- project_call(ubiops::role_assignments_per_user_list, created$id)
  expect(length(listed) == 1 && listed[[1]]$id == given$id, "listed")
  expect(project_call(ubiops::projects_get, token = bot)$name == PROJECT, "the token cannot read its project")
  names <- vapply(ubiops::projects_list(UBIOPS_API_TOKEN = bot), function(p) p$name, "")
  expect(identical(names, PROJECT), paste(names, collapse = ","))
  expect_error(ubiops::organizations_get(P_ORG, UBIOPS_API_TOKEN = bot), 403, "works only within its project")
  expect_error(project_call(ubiops::service_users_list, token = bot), 403, "Only project admins")
  expect_error(project_call(ubiops::role_assignments_create, list(user_id = created$id, role = "project-editor")),
    400, "already has the role")
  project_call(ubiops::service_users_delete, created$id)
  expect_error(project_call(ubiops::role_assignments_get, given$id), 404, "no role assignment")
})

check("project errors: 400 non-member, twice, unknown role; 403; 404", function() {
  expect_error(project_call(ubiops::project_users_create, list(user_id = "00000000-0000-4000-8000-000000000000")),
    400, "is not a member of the organization")
  expect_error(project_call(ubiops::role_assignments_create, list(user_id = state$p_member_id, role = "project-viewer")),
    400, "already has the role")
  expect_error(project_call(ubiops::role_assignments_create, list(user_id = state$p_member_id, role = "project-owner")),
    400, 'no role "project-owner"')
  expect_error(ubiops::projects_create(list(name = PROJECT, organization_name = P_ORG), UBIOPS_API_TOKEN = ADMIN), 400, "already exists")
  expect_error(project_call(ubiops::project_users_create, list(user_id = state$p_member_id), token = MEMBER), 403, "Only project admins")
  expect_error(project_call(ubiops::projects_delete, token = MEMBER), 403, "Only admins")
  expect_error(project_call(ubiops::projects_get, token = OUTSIDER), 404, "no project")
})

check("project_users_delete takes the user's roles", function() {
  project_call(ubiops::project_users_delete, state$p_member_id)
  expect_error(project_call(ubiops::project_users_get, state$p_member_id), 404, "no user")
  expect_error(project_call(ubiops::role_assignments_get, state$assignment_id), 404, "no role assignment")
})

check("organization_users_delete takes project roles", function() {
  given <- project_call(ubiops::role_assignments_create, list(user_id = state$p_member_id, role = "project-editor"))
  ubiops::organization_users_delete(P_ORG, state$p_member_id, UBIOPS_API_TOKEN = ADMIN)
  expect_error(project_call(ubiops::role_assignments_get, given$id), 404, "no role assignment")
})

check("project_audit_events_list (newest first, action, limit, offset)", function() {
  events <- project_call(ubiops::project_audit_events_list, limit = 1000)
  dates <- vapply(events, function(e) e$date, "")
  expect(length(events) >= 4 && identical(dates, sort(dates, decreasing = TRUE)), paste(dates, collapse = ","))
  expect(events[[length(events)]]$object_type == "project", "first event not the creation")
  deletes <- Filter(function(e) e$action == "delete", events)
  paged <- project_call(ubiops::project_audit_events_list, action = "delete", limit = 1, offset = 0)
  expect(length(paged) == 1 && paged[[1]]$id == deletes[[1]]$id, "filter or paging")
  expect_error(project_call(ubiops::project_audit_events_list, limit = 0), 400, "limit")
})

check("projects_delete", function() {
  project_call(ubiops::projects_delete)
  expect_error(project_call(ubiops::projects_get), 404, "no project")
})

cat(sprintf('SUMMARY {"passed": %d, "failed": %d, "client": "%s", "generation": "2022"}\n',
            passed, failed, as.character(utils::packageVersion("ubiops"))))
quit(status = if (failed > 0) 1 else 0)
