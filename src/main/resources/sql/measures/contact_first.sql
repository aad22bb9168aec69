-- Per event (measure_contact_first), from its monthly contacts: the first offered
-- face-to-face contact on or after allocation and on or after release, and the first
-- attended face-to-face contact. Where the month of allocation (release) has an offered
-- contact before that day, the contacts of that month are looked up.
select e.event_id,
       least(min(cm.first_offered) filter (where cm.month > e.allocation_date),
             min(case when cm.first_offered is null then null
                      when cm.first_offered >= e.allocation_date then cm.first_offered
                      else measure_first_offered(e.event_id, e.allocation_date) end)
                 filter (where cm.month = e.allocation_month)) as first_after_allocation,
       least(min(cm.first_offered) filter (where cm.month > e.release_date),
             min(case when cm.first_offered is null then null
                      when cm.first_offered >= e.release_date then cm.first_offered
                      else measure_first_offered(e.event_id, e.release_date) end)
                 filter (where cm.month = e.release_month)) as first_after_release,
       min(cm.first_attended) as first_attended
from (
    select ev.event_id, ev.allocation_date, ev.release_date,
           date_trunc('month', ev.allocation_date)::date as allocation_month,
           date_trunc('month', ev.release_date)::date as release_month
    from measure_event ev
) e
join measure_contact_month cm on cm.event_id = e.event_id
where {{events}}
group by e.event_id
