-- Contacts per event and month in one pass over the contacts, read by SL001R, SL002R,
-- SL003R, SL004R (first contacts), AM_K (offered face-to-face national standard contact
-- in the month) and ATTENDANCE (attended and counted appointments).
create temporary table measure_contact_month on commit drop as
select c.event_id, date_trunc('month', c.contact_at)::date as month,
       bool_or(c.face_to_face and c.national_standard and c.outcome <> 'RESCHEDULED') as offered_face_to_face,
       (count(*) filter (where c.national_standard and c.outcome in ('ATTENDED_COMPLIED', 'ATTENDED_FAILED_TO_COMPLY')))::integer as attended,
       (count(*) filter (where c.national_standard and c.outcome in ('ATTENDED_COMPLIED', 'ATTENDED_FAILED_TO_COMPLY', 'UNACCEPTABLE_ABSENCE')))::integer as counted,
       min(c.contact_at) filter (where c.face_to_face and c.outcome <> 'RESCHEDULED' and c.contact_at >= e.allocation_date) as first_after_allocation,
       min(c.contact_at) filter (where c.face_to_face and c.outcome <> 'RESCHEDULED' and c.contact_at >= e.release_date) as first_after_release,
       min(c.contact_at) filter (where c.face_to_face and c.outcome in ('ATTENDED_COMPLIED', 'ATTENDED_FAILED_TO_COMPLY')) as first_attended
from contact c
join event e on e.event_id = c.event_id
where {{contacts}}
group by 1, 2
