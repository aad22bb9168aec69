-- Contacts per event and month (measure_contact_month), read from the contact_event index
-- in its order: {{contacts}} chooses the contacts.
select c.event_id, date_trunc('month', c.contact_at)::date as month,
       coalesce(bool_or(c.face_to_face and c.national_standard and c.outcome <> 'RESCHEDULED'), false) as offered_face_to_face,
       (count(*) filter (where c.national_standard and c.outcome in ('ATTENDED_COMPLIED', 'ATTENDED_FAILED_TO_COMPLY')))::integer as attended,
       (count(*) filter (where c.national_standard and c.outcome in ('ATTENDED_COMPLIED', 'ATTENDED_FAILED_TO_COMPLY', 'UNACCEPTABLE_ABSENCE')))::integer as counted,
       (min(c.contact_at) filter (where c.face_to_face and c.outcome <> 'RESCHEDULED'))::date as first_offered,
       (min(c.contact_at) filter (where c.face_to_face and c.outcome in ('ATTENDED_COMPLIED', 'ATTENDED_FAILED_TO_COMPLY')))::date as first_attended
from case_contact c
where {{contacts}}
group by c.event_id, date_trunc('month', c.contact_at)::date
