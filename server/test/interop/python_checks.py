"""Drives the local API server through an official UbiOps Python client (3.7.0 or 4.12.0).

Every organizations and projects endpoint is called through the client's own methods and models, the errors
included. Run by server/test/interop.test.ts, which starts the server and creates the callers:

    PYTHONPATH=<client folder> /usr/bin/python3 python_checks.py

Environment: UBIOPS_API_URL (base URL, .../v2.1), API_GENERATION (2022 or current), ADMIN_TOKEN,
MEMBER_TOKEN + MEMBER_EMAIL, OUTSIDER_TOKEN, STAFF_TOKEN (bare tokens), USAGE_ORGANIZATION (an
organization of the admin with known usage: USAGE_START, USAGE_END, USAGE_TOTAL_CREDITS,
USAGE_DELETED_CREDITS), NAME_PREFIX (unique per run).

Prints one line per check, `PASS <check>` or `FAIL <check>: <why>`, then
`SUMMARY {"passed": n, "failed": m, "client": "<version>"}`; exits 1 when a check failed.
"""
import json
import os
import sys
import traceback

import ubiops
from ubiops.exceptions import ApiException

ENV = os.environ
URL = ENV["UBIOPS_API_URL"]
GENERATION = ENV["API_GENERATION"]
CURRENT = GENERATION == "current"
PREFIX = ENV["NAME_PREFIX"]
results = {"passed": 0, "failed": 0}


def core(token):
    configuration = ubiops.Configuration(host=URL, api_key={"Authorization": "Token " + token})
    return ubiops.CoreApi(ubiops.ApiClient(configuration))


admin = core(ENV["ADMIN_TOKEN"])
member = core(ENV["MEMBER_TOKEN"])
outsider = core(ENV["OUTSIDER_TOKEN"])
staff = core(ENV["STAFF_TOKEN"])
stranger = core("not-a-token-" + PREFIX)


def check(name, test):
    try:
        test()
    except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
        results["failed"] += 1
        detail = "".join(traceback.format_exception_only(type(error), error)).strip().replace("\n", " ")
        print("FAIL %s: %s" % (name, detail[:400]), flush=True)
        return
    results["passed"] += 1
    print("PASS %s" % name, flush=True)


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def expect_error(call, status, fragment):
    """The call fails with this status and an {"error": ...} that contains `fragment`."""
    try:
        call()
    except ApiException as error:
        expect(error.status == status, "status %s, not %s: %s" % (error.status, status, error.body))
        body = json.loads(error.body)
        expect(fragment.lower() in body["error"].lower(), "error %r lacks %r" % (body["error"], fragment))
        return
    raise AssertionError("no error; expected %s" % status)


def create(api, name, **fields):
    return api.organizations_create(data=ubiops.OrganizationCreate(name=name, **fields))


ORG = PREFIX + "-org"
RENAMED = PREFIX + "-renamed"
PAID = PREFIX + "-paid"
member_email = ENV["MEMBER_EMAIL"]
state = {}


def create_free():
    created = create(admin, ORG, subscription="free")
    expect(isinstance(created, ubiops.OrganizationList), "answer is %r" % type(created))
    expect(created.name == ORG, "name %r" % created.name)
    expect(len(created.id) == 36, "id %r" % created.id)
    expect(created.creation_date is not None, "no creation_date")
    if CURRENT:
        expect(created.status == "active", "status %r" % created.status)
        expect(created.two_factor_authentication_forced is False, "2FA %r" % created.two_factor_authentication_forced)
    state["id"] = created.id


def create_paid():
    created = create(staff, PAID, subscription="professional", subscription_end_date="2099-12-31")
    expect(created.name == PAID, "name %r" % created.name)


def list_organizations():
    listed = admin.organizations_list()
    names = [organization.name for organization in listed]
    expect(ORG in names, "%s not in %s" % (ORG, names))
    expect(names == sorted(names), "not by name: %s" % names)
    if CURRENT:
        expect(all(organization.status == "active" for organization in listed), "a status is not active")


def get_organization():
    detail = admin.organizations_get(ORG)
    expect(isinstance(detail, ubiops.OrganizationDetail), "answer is %r" % type(detail))
    expect(detail.id == state["id"] and detail.subscription == "free", "detail %r" % detail)
    expect(detail.status == "active", "status %r" % detail.status)
    if CURRENT:
        expect(detail.overage_usage is False, "overage %r" % detail.overage_usage)
        expect(not hasattr(detail, "subscription_self_service"), "has subscription_self_service")
    else:
        expect(detail.subscription_self_service is True, "self service %r" % detail.subscription_self_service)


def resources():
    counts = admin.organizations_resource_usage(ORG)
    expect(counts.users == 1 and counts.projects == 0, "counts %r" % counts)
    expect(counts.deployments == 0 and counts.pipelines == 0, "counts %r" % counts)
    if CURRENT:
        expect(counts.buckets == 0 and counts.environments == 0, "counts %r" % counts)


def add_member():
    added = admin.organization_users_create(ORG, data=ubiops.OrganizationUserCreate(email=member_email, admin=False))
    expect(isinstance(added, ubiops.OrganizationUserDetail), "answer is %r" % type(added))
    expect(added.email == member_email and added.admin is False, "member %r" % added)
    state["member_id"] = added.id


def list_members():
    members = admin.organization_users_list(ORG)
    emails = [m.email for m in members]
    expect(member_email in emails and len(emails) == 2, "members %s" % emails)
    expect(emails == sorted(emails), "not by email: %s" % emails)
    state["admin_id"] = next(m.id for m in members if m.email != member_email)


def get_member():
    found = admin.organization_users_get(ORG, state["member_id"])
    expect(found.email == member_email and found.admin is False, "member %r" % found)


def promote_and_demote():
    promoted = admin.organization_users_update(ORG, state["member_id"], data=ubiops.OrganizationUserUpdate(admin=True))
    expect(promoted.admin is True, "not promoted: %r" % promoted)
    demoted = admin.organization_users_update(ORG, state["member_id"], data=ubiops.OrganizationUserUpdate(admin=False))
    expect(demoted.admin is False, "not demoted: %r" % demoted)


def member_reads():
    expect(member.organizations_get(ORG).name == ORG, "member cannot read")
    expect(ORG in [o.name for o in member.organizations_list()], "not in the member's list")


def rename():
    renamed = admin.organizations_update(ORG, data=ubiops.OrganizationUpdate(name=RENAMED))
    expect(renamed.name == RENAMED, "name %r" % renamed.name)
    expect_error(lambda: admin.organizations_get(ORG), 404, "no organization")
    back = admin.organizations_update(RENAMED, data=ubiops.OrganizationUpdate(name=ORG))
    expect(back.name == ORG, "name %r" % back.name)


def staff_changes_subscription():
    changed = staff.organizations_update(
        ORG,
        data=ubiops.OrganizationUpdate(
            subscription="professional", subscription_start_date="2026-01-01", subscription_end_date="2099-01-01"
        ),
    )
    expect(changed.subscription == "professional", "subscription %r" % changed.subscription)
    expect(admin.organizations_get(ORG).subscription == "professional", "not kept")


def two_factor_switch():
    switched = admin.organizations_update(ORG, data=ubiops.OrganizationUpdate(two_factor_authentication_forced=True))
    expect(switched.two_factor_authentication_forced is True, "answer %r" % switched)
    expect(admin.organizations_get(ORG).two_factor_authentication_forced is True, "detail not switched")
    listed = [o for o in admin.organizations_list() if o.name == ORG][0]
    expect(listed.two_factor_authentication_forced is True, "list not switched")
    admin.organizations_update(ORG, data=ubiops.OrganizationUpdate(two_factor_authentication_forced=False))
    expect(admin.organizations_get(ORG).two_factor_authentication_forced is False, "not switched back")


def usage():
    name = ENV["USAGE_ORGANIZATION"]
    start, end = ENV["USAGE_START"], ENV["USAGE_END"]
    total = float(ENV["USAGE_TOTAL_CREDITS"])
    answer = admin.organizations_usage_get(name, start_date=start, end_date=end, interval="month")
    if CURRENT:
        expect(isinstance(answer, ubiops.OrganizationUsage), "answer is %r" % type(answer))
        expect(answer.interval == "month", "interval %r" % answer.interval)
        organization = sum(point.value for point in answer.data_organization)
        projects = sum(point.value for project in answer.data_projects for point in project.data)
        deleted = sum(point.value for point in answer.data_deleted_projects)
        expect(abs(organization - total) < 0.001, "organization %s, expected %s" % (organization, total))
        expect(abs(projects + deleted - organization) < 0.001, "%s + %s != %s" % (projects, deleted, organization))
        expect(abs(deleted - float(ENV["USAGE_DELETED_CREDITS"])) < 0.001, "deleted %s" % deleted)
        expect(all(p.project_name and len(p.project_id) == 36 for p in answer.data_projects), "project fields")
        for index, point in enumerate(answer.data_organization):
            parts = sum(p.data[index].value for p in answer.data_projects) + answer.data_deleted_projects[index].value
            expect(abs(parts - point.value) < 0.001, "bucket %s: %s != %s" % (index, parts, point.value))
    else:
        expect(isinstance(answer, list) and len(answer) == 5, "answer %r" % type(answer))
        expect(all(isinstance(series, ubiops.Usage) for series in answer), "not Usage models")
        credits = [s for s in answer if s.object_type == "deployment_version" and s.metric == "credits"][0]
        found = sum(bucket.value for bucket in credits.usage)
        expect(abs(found - total) < 0.001, "credits %s, expected %s" % (found, total))


def project_usage():
    name, project = ENV["USAGE_ORGANIZATION"], ENV["USAGE_PROJECT"]
    start, end = ENV["USAGE_START"], ENV["USAGE_END"]
    total = float(ENV["USAGE_PROJECT_CREDITS"])
    answer = admin.projects_usage_get(project, start_date=start, end_date=end, interval="month")
    organization = admin.organizations_usage_get(name, start_date=start, end_date=end, interval="month")
    if CURRENT:
        expect(isinstance(answer, ubiops.ProjectUsage), "answer is %r" % type(answer))
        expect(answer.interval == "month", "interval %r" % answer.interval)
        entry = [p for p in organization.data_projects if p.project_name == project][0]
        expect([p.value for p in answer.data_project] == [p.value for p in entry.data], "not the organization's figures")
        expect(abs(sum(p.value for p in answer.data_project) - total) < 0.001, "project credits")
        versions = sorted((d.deployment_name, d.version, round(sum(p.value for p in d.data), 2)) for d in answer.data_deployments)
        expect(versions == [("scorer", "v1", 75.0), ("scorer", "v2", 30.0)], "versions %r" % versions)
        expect(all(isinstance(d, ubiops.ProjectDeploymentVersionUsage) and len(d.version_id) == 36 for d in answer.data_deployments), "models")
        expect(sum(p.value for p in answer.data_deleted_deployments) == 0, "deleted deployments")
    else:
        expect(isinstance(answer, list) and len(answer) == 5, "answer %r" % type(answer))
        credits = [s for s in answer if s.object_type == "deployment_version" and s.metric == "credits"][0]
        expect(abs(sum(bucket.value for bucket in credits.usage) - total) < 0.001, "credits")


def project_usage_errors():
    project = ENV["USAGE_PROJECT"]
    expect_error(lambda: admin.projects_usage_get(project, interval="week"), 400, "interval")
    expect_error(lambda: outsider.projects_usage_get(project), 404, "no project")


def usage_default_period():
    answer = admin.organizations_usage_get(ORG)
    if CURRENT:
        expect(len(answer.data_organization) == 1, "buckets %r" % answer.data_organization)
    else:
        expect(all(len(series.usage) == 1 for series in answer), "not one bucket per series")


def remove_member():
    # The 3.7.0 client sends Content-Type: application/json with an empty body on DELETE.
    admin.organization_users_delete(ORG, state["member_id"])
    expect_error(lambda: admin.organization_users_get(ORG, state["member_id"]), 404, "no member")


def bad_name():
    expect_error(lambda: create(admin, "Bad Name!", subscription="free"), 400, "name:")


def taken_name():
    expect_error(lambda: create(admin, ORG, subscription="free"), 400, "already exists")


def unknown_subscription():
    expect_error(lambda: create(admin, PREFIX + "-gold", subscription="gold"), 400, "subscription:")


def date_out_of_range():
    expect_error(
        lambda: create(staff, PREFIX + "-far", subscription="professional", subscription_end_date="9999-12-31"),
        400,
        "subscription_end_date: use a date from 2000-01-01 to 2100-12-31",
    )


def last_admin():
    expect_error(
        lambda: admin.organization_users_update(ORG, state["admin_id"], data=ubiops.OrganizationUserUpdate(admin=False)),
        400,
        "last admin",
    )
    expect_error(lambda: admin.organization_users_delete(ORG, state["admin_id"]), 400, "last admin")


def member_twice():
    admin.organization_users_create(ORG, data=ubiops.OrganizationUserCreate(email=member_email))
    expect_error(
        lambda: admin.organization_users_create(ORG, data=ubiops.OrganizationUserCreate(email=member_email)),
        400,
        "already a member",
    )


def unauthorized():
    expect_error(lambda: stranger.organizations_list(), 401, "token")
    expect_error(lambda: stranger.organizations_get(ORG), 401, "token")


def forbidden():
    expect_error(
        lambda: member.organization_users_create(ORG, data=ubiops.OrganizationUserCreate(email="x-" + member_email)),
        403,
        "only admins",
    )
    expect_error(lambda: member.organizations_update(ORG, data=ubiops.OrganizationUpdate(name=RENAMED)), 403, "only admins")
    expect_error(
        lambda: admin.organizations_update(ORG, data=ubiops.OrganizationUpdate(subscription="enterprise")),
        403,
        "platform operator",
    )


def not_found():
    expect_error(lambda: admin.organizations_get(PREFIX + "-missing"), 404, "no organization")
    expect_error(lambda: outsider.organizations_get(ORG), 404, "no organization")
    expect_error(lambda: outsider.organizations_resource_usage(ORG), 404, "no organization")
    expect_error(lambda: outsider.organizations_usage_get(ORG), 404, "no organization")
    expect_error(lambda: outsider.organization_users_list(ORG), 404, "no organization")
    expect_error(
        lambda: admin.organization_users_get(ORG, "00000000-0000-4000-8000-000000000000"), 404, "no member"
    )


def bad_usage_query():
    expect_error(lambda: admin.organizations_usage_get(ORG, interval="week"), 400, "interval")


def voucher_lookup():
    code = ENV["VOUCHER_CODE"]
    found = admin.vouchers_get(code)
    expect(found.description == ENV["VOUCHER_DESCRIPTION"], "description %r" % found.description)
    expect_error(lambda: admin.vouchers_get("NO-SUCH-" + PREFIX), 404, "no voucher")
    expect_error(lambda: stranger.vouchers_get(code), 401, "token")


def create_with_voucher_and_defaults():
    created = create(admin, PREFIX + "-voucher", voucher=ENV["VOUCHER_CODE"], two_factor_authentication_forced=True)
    expect(created.two_factor_authentication_forced is True, "2FA %r" % created.two_factor_authentication_forced)
    detail = admin.organizations_get(created.name)
    expect(detail.subscription == "free", "default subscription %r" % detail.subscription)
    expect_error(lambda: create(admin, PREFIX + "-badvoucher", voucher="NO-SUCH-" + PREFIX), 400, "voucher:")


# Projects, project users, roles and role assignments (shared/API.md, "Projects, access and audit").
P_ORG = PREFIX + "-projects"
PROJECT = PREFIX + "-project"
P_STATE = {}


def assignment_create(user_id, role, resource=None):
    """The generation's RoleAssignmentCreate: 2022 names the user and object, current the assignee and resource."""
    if CURRENT:
        fields = {"resource": resource, "resource_type": "project" if resource else None}
        return ubiops.RoleAssignmentCreate(role=role, assignee=user_id, assignee_type="user", **fields)
    return ubiops.RoleAssignmentCreate(user_id=user_id, role=role, object_name=resource, object_type="project" if resource else None)


def assignments_of(api, user_id):
    if CURRENT:
        return api.role_assignments_per_object_list(PROJECT, assignee=user_id, assignee_type="user")
    return api.role_assignments_per_user_list(PROJECT, user_id)


def project_create():
    create(admin, P_ORG, subscription="free")
    added = admin.organization_users_create(P_ORG, data=ubiops.OrganizationUserCreate(email=member_email))
    P_STATE["member_id"] = added.id
    created = admin.projects_create(data=ubiops.ProjectCreate(name=PROJECT, organization_name=P_ORG))
    expect(isinstance(created, ubiops.ProjectDetail), "answer is %r" % type(created))
    expect(created.name == PROJECT and created.organization_name == P_ORG, "project %r" % created)
    expect(len(created.id) == 36 and created.creation_date is not None, "project %r" % created)
    expect(created.advanced_permissions is False, "advanced_permissions %r" % created.advanced_permissions)
    if CURRENT:
        expect(created.credits is None and created.labels == {} and created.cors_origins == [], "project %r" % created)
        expect(created.suspended is False and created.suspended_reason is None, "suspended %r" % created.suspended)
    else:
        expect(created.gb_seconds is None, "gb_seconds %r" % created.gb_seconds)
        # 3.7.0's model types `suspended` as a string: it keeps the boolean's text.
        expect(str(created.suspended) == "False", "suspended %r" % created.suspended)
    P_STATE["id"] = created.id


def project_list_and_get():
    listed = admin.projects_list(organization=P_ORG) if CURRENT else admin.projects_list()
    expect(all(isinstance(row, ubiops.ProjectList) for row in listed), "not ProjectList models")
    expect(PROJECT in [row.name for row in listed], "%s not in %s" % (PROJECT, [row.name for row in listed]))
    found = admin.projects_get(PROJECT)
    expect(found.id == P_STATE["id"] and found.organization_name == P_ORG, "project %r" % found)


def project_users():
    users = admin.project_users_list(PROJECT)
    expect([user.email for user in users] != [] and all(isinstance(u, ubiops.ProjectUserList) for u in users), "users %r" % users)
    expect(member_email not in [user.email for user in users], "member already in the project")
    added = admin.project_users_create(PROJECT, data=ubiops.ProjectUserCreate(user_id=P_STATE["member_id"]))
    expect(isinstance(added, ubiops.ProjectUserList) and added.email == member_email, "added %r" % added)
    found = admin.project_users_get(PROJECT, P_STATE["member_id"])
    expect(found.id == P_STATE["member_id"], "user %r" % found)
    expect(member_email in [user.email for user in admin.project_users_list(PROJECT)], "not listed")


def roles():
    listed = member.roles_list(PROJECT)
    names = [role.name for role in listed]
    expect({"project-admin", "project-editor", "project-viewer"} <= set(names), "roles %s" % names)
    expect(all(isinstance(role, ubiops.RoleList) for role in listed), "not RoleList models")


def role_assignments():
    given = admin.role_assignments_create(PROJECT, data=assignment_create(P_STATE["member_id"], "project-viewer"))
    expect(isinstance(given, ubiops.RoleAssignmentList), "answer is %r" % type(given))
    if CURRENT:
        expect(given.assignee == P_STATE["member_id"] and given.assignee_type == "user", "assignment %r" % given)
        expect(given.resource == PROJECT and given.resource_type == "project", "assignment %r" % given)
    else:
        expect(given.user_id == P_STATE["member_id"], "assignment %r" % given)
        expect(given.object_name == PROJECT and given.object_type == "project", "assignment %r" % given)
    expect(given.role == "project-viewer", "role %r" % given.role)
    listed = assignments_of(admin, P_STATE["member_id"])
    expect([row.id for row in listed] == [given.id], "listed %r" % listed)
    expect(admin.role_assignments_get(PROJECT, given.id).role == "project-viewer", "get")
    # A project user reads their own assignments and the project.
    expect([row.id for row in assignments_of(member, P_STATE["member_id"])] == [given.id], "own assignments")
    expect(member.projects_get(PROJECT).name == PROJECT, "member cannot read the project")
    P_STATE["assignment_id"] = given.id


def role_assignment_delete():
    editor = admin.role_assignments_create(PROJECT, data=assignment_create(P_STATE["member_id"], "project-editor", PROJECT))
    admin.role_assignments_delete(PROJECT, editor.id)
    expect_error(lambda: admin.role_assignments_get(PROJECT, editor.id), 404, "no role assignment")
    expect([row.role for row in assignments_of(admin, P_STATE["member_id"])] == ["project-viewer"], "not deleted")


def project_update():
    # The limit is the generation's own field; the project has no usage, so a limit of 0 is reached.
    field = "credits" if CURRENT else "gb_seconds"
    suspended = admin.projects_update(PROJECT, data=ubiops.ProjectUpdate(**{field: 0}))
    expect(isinstance(suspended, ubiops.ProjectDetail), "answer is %r" % type(suspended))
    expect(getattr(suspended, field) == 0, "%s %r" % (field, getattr(suspended, field)))
    # 3.7.0's model types `suspended` as a string: it keeps the boolean's text.
    expect(str(suspended.suspended) == "True", "suspended %r" % suspended.suspended)
    expect("credit limit (%s: 0)" % field in (suspended.suspended_reason or ""), "reason %r" % suspended.suspended_reason)
    raised = admin.projects_update(PROJECT, data=ubiops.ProjectUpdate(**{field: 100}))
    expect(str(raised.suspended) == "False" and raised.suspended_reason is None, "not lifted %r" % raised)
    expect(getattr(admin.projects_get(PROJECT), field) == 100, "limit not kept")
    # The model leaves a None out of the body, and with client-side validation on, a dict becomes the
    # model: clearing (null) goes through a client whose validation is off, which sends the dict as is.
    configuration = ubiops.Configuration(host=URL, api_key={"Authorization": "Token " + ENV["ADMIN_TOKEN"]})
    configuration.client_side_validation = False
    plain = ubiops.CoreApi(ubiops.ApiClient(configuration))
    cleared = plain.projects_update(PROJECT, data={field: None})
    expect(getattr(cleared, field) is None and str(cleared.suspended) == "False", "not cleared %r" % cleared)
    expect_error(lambda: member.projects_update(PROJECT, data=ubiops.ProjectUpdate(**{field: 5})), 403, "only project admins")
    expect_error(lambda: plain.projects_update(PROJECT, data={field: -1}), 400, field + ":")


def project_errors():
    expect_error(
        lambda: admin.project_users_create(PROJECT, data=ubiops.ProjectUserCreate(user_id="00000000-0000-4000-8000-000000000000")),
        400,
        "not a member of the organization",
    )
    expect_error(
        lambda: admin.role_assignments_create(PROJECT, data=assignment_create(P_STATE["member_id"], "project-viewer")),
        400,
        "already has the role",
    )
    expect_error(
        lambda: admin.role_assignments_create(PROJECT, data=assignment_create(P_STATE["member_id"], "project-owner")),
        400,
        'no role "project-owner"',
    )
    expect_error(lambda: admin.projects_create(data=ubiops.ProjectCreate(name=PROJECT, organization_name=P_ORG)), 400, "already exists")
    expect_error(lambda: admin.projects_create(data=ubiops.ProjectCreate(name="Bad_Name", organization_name=P_ORG)), 400, "name:")
    expect_error(
        lambda: member.project_users_create(PROJECT, data=ubiops.ProjectUserCreate(user_id=P_STATE["member_id"])),
        403,
        "only project admins",
    )
    expect_error(lambda: member.projects_delete(PROJECT), 403, "only admins")
    expect_error(lambda: outsider.projects_get(PROJECT), 404, "no project")
    expect_error(lambda: outsider.project_users_list(PROJECT), 404, "no project")
    expect_error(lambda: admin.projects_get(PREFIX + "-no-project"), 404, "no project")
    expect_error(lambda: stranger.projects_get(PROJECT), 401, "token")


def service_users():
    """Service users: the token once, a use recorded (current), a reset, an update, a delete, a 403."""
    import datetime

    fields = {"name": "bot"}
    if CURRENT:
        fields["expiry_date"] = datetime.datetime(2099, 1, 1, tzinfo=datetime.timezone.utc)
    created = admin.service_users_create(PROJECT, data=ubiops.ServiceUserCreate(**fields))
    expect(isinstance(created, ubiops.ServiceUserTokenDetail), "answer is %r" % type(created))
    expect(created.name == "bot" and len(created.token) == 64 and created.email.startswith(created.id), "created %r" % created)
    listed = admin.service_users_list(PROJECT)
    expect([row.id for row in listed] == [created.id] and all(isinstance(r, ubiops.ServiceUserList) for r in listed), "listed %r" % listed)
    expect(created.token not in repr(listed), "token listed")
    bot = core(created.token)
    expect(bot.projects_list() == [], "a service user without a role sees projects")
    found = admin.service_users_get(PROJECT, created.id)
    if CURRENT:
        expect(str(found.expiry_date).startswith("2099-01-01T00:00:00"), "expiry %r" % found.expiry_date)
        expect(found.token_last_used is not None, "use not recorded")
    reset = admin.service_users_token(PROJECT, created.id)
    expect(isinstance(reset, ubiops.ServiceUserTokenList) and reset.token != created.token, "reset %r" % reset)
    expect_error(lambda: bot.projects_list(), 401, "not valid")
    expect(core(reset.token).projects_list() == [], "the new token does not work")
    updated = admin.service_users_update(PROJECT, created.id, data=ubiops.ServiceUserCreate(name="bot-2"))
    expect(updated.name == "bot-2", "updated %r" % updated)
    expect_error(lambda: member.service_users_list(PROJECT), 403, "only project admins")
    admin.service_users_delete(PROJECT, created.id)
    expect_error(lambda: admin.service_users_get(PROJECT, created.id), 404, "no service user")
    expect_error(lambda: core(reset.token).projects_list(), 401, "not valid")


def service_user_roles():
    """A service user given a role through role_assignments_create (the generation's form) works with its token."""
    created = admin.service_users_create(PROJECT, data=ubiops.ServiceUserCreate(name="reader"))
    bot = core(created.token)
    expect_error(lambda: bot.projects_get(PROJECT), 403, "holds no role")
    given = admin.role_assignments_create(PROJECT, data=assignment_create(created.id, "project-editor"))
    if CURRENT:
        expect(given.assignee == created.id and given.assignee_type == "user", "assignment %r" % given)
    else:
        expect(given.user_id == created.id and given.object_type == "project", "assignment %r" % given)
    expect([row.id for row in assignments_of(admin, created.id)] == [given.id], "not listed")
    expect(bot.projects_get(PROJECT).name == PROJECT, "the token cannot read its project")
    expect([row.name for row in bot.projects_list()] == [PROJECT], "its project is not listed")
    expect("project-editor" in [role.name for role in bot.roles_list(PROJECT)], "roles")
    expect([row.id for row in assignments_of(bot, created.id)] == [given.id], "its own assignments")
    expect_error(lambda: bot.organizations_get(P_ORG), 403, "works only within its project")
    expect_error(lambda: bot.service_users_list(PROJECT), 403, "only project admins")
    expect_error(
        lambda: admin.role_assignments_create(PROJECT, data=assignment_create(created.id, "project-editor")),
        400,
        "already has the role",
    )
    admin.service_users_delete(PROJECT, created.id)
    expect_error(lambda: admin.role_assignments_get(PROJECT, given.id), 404, "no role assignment")


def project_user_removal():
    admin.project_users_delete(PROJECT, P_STATE["member_id"])
    expect_error(lambda: admin.project_users_get(PROJECT, P_STATE["member_id"]), 404, "no user")
    expect_error(lambda: admin.role_assignments_get(PROJECT, P_STATE["assignment_id"]), 404, "no role assignment")
    expect_error(lambda: member.projects_get(PROJECT), 404, "no project")


def organization_removal_takes_roles():
    given = admin.role_assignments_create(PROJECT, data=assignment_create(P_STATE["member_id"], "project-editor"))
    admin.organization_users_delete(P_ORG, P_STATE["member_id"])
    expect_error(lambda: admin.role_assignments_get(PROJECT, given.id), 404, "no role assignment")
    expect(member_email not in [user.email for user in admin.project_users_list(PROJECT)], "still a project user")


def project_audit_events():
    events = admin.project_audit_events_list(PROJECT, limit=1000)
    expect(len(events) >= 5, "too few events: %d" % len(events))
    dates = [event.date for event in events]
    expect(dates == sorted(dates, reverse=True), "not newest first")
    expect(events[-1].action == "create" and events[-1].object_type == "project", "first event not the creation")
    expect(any(member_email in event.event for event in events), "no event names the member")
    deletes = admin.project_audit_events_list(PROJECT, action="delete", limit=2, offset=1)
    all_deletes = [event for event in events if event.action == "delete"]
    expect([event.id for event in deletes] == [event.id for event in all_deletes[1:3]], "filter or paging")
    expect(len(admin.project_audit_events_list(PROJECT)) == min(50, len(events)), "default limit")
    expect_error(lambda: admin.project_audit_events_list(PROJECT, limit=0), 400, "limit")


def project_delete():
    admin.projects_delete(PROJECT)
    expect_error(lambda: admin.projects_get(PROJECT), 404, "no project")
    expect(admin.organizations_resource_usage(P_ORG).projects == 0, "still counted")


CHECKS = [
    ("service status", lambda: expect(admin.service_status().status == "ok", "not ok")),
    ("organizations_create (free)", create_free),
    ("organizations_create (professional, by staff)", create_paid),
    ("organizations_list", list_organizations),
    ("organizations_get", get_organization),
    ("organizations_resource_usage", resources),
    ("organization_users_create", add_member),
    ("organization_users_list", list_members),
    ("organization_users_get", get_member),
    ("organization_users_update (promote, demote)", promote_and_demote),
    ("member reads the organization", member_reads),
    ("organizations_update (rename and back)", rename),
    ("organizations_usage_get (range, sums)", usage),
    ("organizations_usage_get (default period)", usage_default_period),
    ("projects_usage_get (range, per version, equals the organization's)", project_usage),
    ("projects_usage_get errors: 400 interval, 404 outsider", project_usage_errors),
    ("error 400: bad name", bad_name),
    ("error 400: taken name", taken_name),
    ("error 400: unknown subscription", unknown_subscription),
    ("error 400: subscription date out of range", date_out_of_range),
    ("error 400: last admin (demote, remove)", last_admin),
    ("error 400: bad usage interval", bad_usage_query),
    ("error 401: unknown token", unauthorized),
    ("error 403: member and admin without the right", forbidden),
    ("error 404: unknown organization, outsider, unknown member", not_found),
    ("organization_users_delete (empty JSON body)", remove_member),
    ("error 400: member added twice", member_twice),
    ("organizations_update (subscription, by staff)", staff_changes_subscription),
    ("projects_create", project_create),
    ("projects_list, projects_get", project_list_and_get),
    ("project_users_list, project_users_create, project_users_get", project_users),
    ("roles_list (project user)", roles),
    ("role_assignments_create, list, get", role_assignments),
    ("role_assignments_delete", role_assignment_delete),
    ("projects_update (limit: suspend, lift, clear; 403, 400)", project_update),
    ("service_users_create, list, get, token, update, delete; 401 after reset; 403", service_users),
    ("role_assignments_create for a service user; its token reads the project, 403 elsewhere", service_user_roles),
    ("project errors: 400 non-member, twice, unknown role, taken and bad name; 403; 404; 401", project_errors),
    ("project_users_delete takes the user's roles", project_user_removal),
    ("organization_users_delete takes project roles", organization_removal_takes_roles),
    ("project_audit_events_list (newest first, action, limit, offset)", project_audit_events),
    ("projects_delete", project_delete),
]
if CURRENT:
    CHECKS += [
        ("organizations_update (two_factor_authentication_forced)", two_factor_switch),
        ("vouchers_get (known, 404, 401)", voucher_lookup),
        ("organizations_create (voucher, default subscription, unknown voucher)", create_with_voucher_and_defaults),
    ]

for check_name, check_test in CHECKS:
    check(check_name, check_test)
print("SUMMARY " + json.dumps(dict(results, client=ubiops.__version__, generation=GENERATION)), flush=True)
sys.exit(1 if results["failed"] else 0)
