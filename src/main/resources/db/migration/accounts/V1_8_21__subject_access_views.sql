-- (Versioned in the 1.8 series: it follows V1_8_1, which gave the log its staff_code.)
-- Published for subject access requests (subjectaccess module): the access log (who
-- opened or listed a case, or a member of staff's personnel record), the accounts of a
-- member of staff and their sign-ins.
create view subject_access_log as
select id, username, crn, crns, staff_code, shown, accessed_at, outcome from case_access_log;
create view subject_access_account as
select username, display_name, role, staff_code, unit_code, email, enabled, created_at from account;
create view subject_access_sign_in as select username, signed_in_at from account_sign_in;
