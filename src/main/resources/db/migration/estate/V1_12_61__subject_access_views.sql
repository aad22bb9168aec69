-- Published for subject access requests (subjectaccess module): a member of staff as the
-- estate holds them. The request read estate_staff, which is published for other purposes:
-- a view of its own says that subject access depends on it, as it does on every other
-- owner's subject_access_* views (SubjectAccessCoverageTests).
create view subject_access_staff as
select staff_code, forename, surname, grade, team_code, start_date, end_date from staff;
