-- Published for subject access requests (subjectaccess module): the imports a member of
-- staff ran, through any of their accounts (import_run names the account).
create view subject_access_import_run as
select id, dataset, username, started_at, finished_at, outcome, rows, inserted, updated, error_count, file_name
from import_run;
