-- Published for subject access requests (subjectaccess module): everything the case data
-- holds about a person on probation, by CRN, as imported.
create view subject_access_person as select * from person;
create view subject_access_event as select * from event;
create view subject_access_requirement as
select r.*, e.crn from requirement r join event e on e.event_id = r.event_id;
create view subject_access_contact as select * from contact;
create view subject_access_plan as select p.*, e.crn from plan p join event e on e.event_id = p.event_id;
create view subject_access_referral as
select r.*, e.crn from referral r join event e on e.event_id = r.event_id;
create view subject_access_accommodation as
select a.*, e.crn from accommodation a join event e on e.event_id = a.event_id;
