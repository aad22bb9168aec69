-- A list or export that shows several cases writes one entry naming them all (crns), with
-- what was shown (the page or export); a single case keeps its crn.
alter table case_access_log alter column crn drop not null;
alter table case_access_log add column crns text[];
alter table case_access_log add column shown text;
alter table case_access_log add constraint case_access_log_names_cases check (crn is not null or crns is not null);
alter table case_access_log drop constraint case_access_log_outcome_check;
alter table case_access_log add constraint case_access_log_outcome_check
    check (outcome in ('OPENED', 'LISTED', 'REFUSED_RESTRICTED', 'REFUSED_OUT_OF_SCOPE'));
create index case_access_log_crns on case_access_log using gin (crns);
