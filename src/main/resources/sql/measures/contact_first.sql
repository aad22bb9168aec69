-- Per event: the first offered face-to-face contact on or after allocation and on or after
-- release, and the first attended face-to-face contact (F of SL003R and SL004R).
create temporary table measure_contact_first on commit drop as
select event_id, min(first_after_allocation)::date as first_after_allocation,
       min(first_after_release)::date as first_after_release, min(first_attended)::date as first_attended
from measure_contact_month
group by event_id
