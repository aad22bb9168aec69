-- events.csv: references to people, staff and a TEAM; the dates that the type and the
-- termination require; and what stored rows of the event still need to be true.
insert into import_error (row_no, col, ord, message)
select r.row_no, 'crn', 100, format('No person with CRN %s has been imported: import people.csv first', r.crn)
from import_rows r
where r.crn is not null and not exists (select 1 from case_person p where p.crn = r.crn)
union all
select r.row_no, 'staff_code', 100, format('No staff %s has been imported: import staff.csv first', r.staff_code)
from import_rows r
where r.staff_code is not null and not exists (select 1 from estate_staff s where s.staff_code = r.staff_code)
union all
select r.row_no, 'team_code', 100,
       case when u.unit_code is null then format('No unit %s has been imported: import units.csv first', r.team_code)
            else format('%s is a %s: an event is held by a TEAM', r.team_code, u.unit_type) end
from import_rows r left join estate_unit u on u.unit_code = r.team_code
where r.team_code is not null and (u.unit_code is null or u.unit_type <> 'TEAM')
union all
select r.row_no, 'release_date', 100, format('A %s needs a release_date', r.event_type)
from import_rows r join import_staging s on s.row_no = r.row_no
where r.event_type in ('LICENCE', 'POST_SENTENCE_SUPERVISION') and s.release_date is null
union all
select r.row_no, 'termination_reason', 100, 'A terminated event needs a termination_reason'
from import_rows r join import_staging s on s.row_no = r.row_no
where r.termination_date is not null and s.termination_reason is null;

insert into import_error (row_no, col, ord, message)
select r.row_no, 'crn', 101, format('Event %s has contacts for CRN %s: an event cannot move to another person', r.event_id, c.crn)
from import_rows r
join lateral (select c.crn from case_contact c where c.event_id = r.event_id and c.crn <> r.crn limit 1) c on true
where r.crn is not null
union all
select r.row_no, 'event_type', 101,
       format('Event %s has a %s referral, which a %s cannot have', r.event_id, f.referral_type, r.event_type)
from import_rows r
join lateral (select f.referral_type from case_referral f where f.event_id = r.event_id
              and ((f.referral_type = 'BREACH' and r.event_type not in ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER', 'POST_SENTENCE_SUPERVISION'))
                or (f.referral_type = 'RECALL' and r.event_type <> 'LICENCE'))
              limit 1) f on true
where r.event_type is not null
union all
select r.row_no, 'event_type', 101,
       format('Event %s has accommodation on release, which a %s cannot have', r.event_id, r.event_type)
from import_rows r
where r.event_type not in ('LICENCE', 'POST_SENTENCE_SUPERVISION')
  and exists (select 1 from case_accommodation a where a.event_id = r.event_id);
