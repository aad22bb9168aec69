-- Who may sign in, without their passwords or sign-in state, for other modules' SQL (the
-- audits module chooses auditors and line managers among them).
create view account_directory as
select username, display_name, role, staff_code, unit_code, email, enabled from account;
