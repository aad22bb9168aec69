-- Published for the equality module (equality.md): each person's protected
-- characteristics as last imported, and the events that make up a caseload. Read-only.
create view equality_person as
select crn, date_of_birth, sex, gender_identity_same_as_birth, ethnicity, religion, sexual_orientation, disability,
       marital_status, restricted
from person;

create view equality_event as
select event_id, crn, event_type, allocation_date, release_date, termination_date, team_code, staff_code
from event;
