-- Published for subject access requests (subjectaccess module), for what the first views
-- (V1_8_21) left out, as SubjectAccessCoverageTests found: every change an administrator
-- made to an account (account_change, V1_12_43), and how and from which address each
-- sign-in was made (the address is personal data). A view keeps its columns in place, so
-- each one replaced here only gains columns at its end.
create view subject_access_account_change as
select id, username, changed_at, changed_by, change, field, old_value, new_value from account_change;

create or replace view subject_access_sign_in as
select username, signed_in_at, method, provider, source from account_sign_in;

-- How the account signs in and what it may do: settings that are about its holder too.
create or replace view subject_access_account as
select username, display_name, role, staff_code, unit_code, email, enabled, created_at, signs_in_with, provider,
       personnel_access, must_change_password
from account;
