-- Personnel records (the people module: staff performance, ratings, improvement plans) are
-- opened by staff themselves and their managers only; an API client reaches them only when
-- an administrator grants it personnel access (for HR and workforce tools).
alter table account add column personnel_access boolean not null default false;

-- The access log also holds every opening (and refusal) of a member of staff's personnel
-- record: such an entry names the staff member instead of a case.
alter table case_access_log add column staff_code char(7);
alter table case_access_log drop constraint case_access_log_names_cases;
alter table case_access_log add constraint case_access_log_names_cases
    check (crn is not null or crns is not null or staff_code is not null);
create index case_access_log_staff on case_access_log (staff_code, accessed_at) where staff_code is not null;
