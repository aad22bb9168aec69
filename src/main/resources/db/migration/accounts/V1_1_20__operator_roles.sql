-- METRICS: a scraper account that reads /actuator/prometheus and nothing else.
-- SUBJECT_ACCESS: the data protection officer's account that answers subject access
-- requests; implied by no other role.
alter table account drop constraint account_role_check;
alter table account add constraint account_role_check check (role in ('ADMIN', 'QUALITY_TEAM', 'SENIOR_MANAGER',
    'LINE_MANAGER', 'PRACTITIONER', 'API_CLIENT', 'METRICS', 'SUBJECT_ACCESS'));

-- A subject access request is logged as such: the case (or the member of staff) it was
-- about, with SUBJECT_ACCESS as the outcome, restricted cases included.
alter table case_access_log drop constraint case_access_log_outcome_check;
alter table case_access_log add constraint case_access_log_outcome_check
    check (outcome in ('OPENED', 'LISTED', 'REFUSED_RESTRICTED', 'REFUSED_OUT_OF_SCOPE', 'SUBJECT_ACCESS'));

-- Sign-ins are recorded in sign_in (V1_1_30) and published as the view account_sign_in.
