-- Contacts per event and month, read by AM_K and ATTENDANCE: one pass over the contacts.
create temporary table measure_contact_month on commit drop as
select c.event_id, date_trunc('month', c.contact_at)::date as month,
       bool_or(c.face_to_face and c.national_standard and c.outcome <> 'RESCHEDULED') as offered_face_to_face,
       (count(*) filter (where c.national_standard and c.outcome in ('ATTENDED_COMPLIED', 'ATTENDED_FAILED_TO_COMPLY')))::integer as attended,
       (count(*) filter (where c.national_standard and c.outcome in ('ATTENDED_COMPLIED', 'ATTENDED_FAILED_TO_COMPLY', 'UNACCEPTABLE_ABSENCE')))::integer as counted
from contact c
where {{contacts}}
group by 1, 2
