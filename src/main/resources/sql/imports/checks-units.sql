-- units.csv: the organisation tree after the import (this file over the stored units)
-- must keep its shape: a TEAM under an LDU, an LDU under a REGION or PROVIDER, only a
-- PROVIDER without a parent, and no unit its own ancestor.
insert into import_error (row_no, col, ord, message)
select r.row_no, 'parent_code', 100, 'A PROVIDER has no parent: leave parent_code empty'
from import_rows r
where r.unit_type = 'PROVIDER' and r.parent_code is not null
union all
select r.row_no, 'parent_code', 100, format('A %s needs a parent_code: only a PROVIDER has no parent', r.unit_type)
from import_rows r join import_staging s on s.row_no = r.row_no
where r.unit_type <> 'PROVIDER' and s.parent_code is null;

insert into import_error (row_no, col, ord, message)
with estate as (
    select r.unit_code, r.unit_type, r.parent_code, r.row_no from import_rows r where r.unit_code is not null
    union all
    select u.unit_code, u.unit_type, u.parent_code, null from estate_unit u
    where not exists (select 1 from import_rows r where r.unit_code = u.unit_code)
)
select r.row_no, 'parent_code', 101, format('No unit %s in this file or already imported', r.parent_code)
from import_rows r
where r.parent_code is not null and r.unit_type is distinct from 'PROVIDER'
  and not exists (select 1 from estate e where e.unit_code = r.parent_code)
union all
select coalesce(child.row_no, parent.row_no),
       case when child.row_no is not null then 'parent_code' else 'unit_type' end,
       102,
       case when child.row_no is not null
            then format('%s %s is a %s, but the parent of %s must be %s', 'Parent', parent.unit_code, parent.unit_type,
                        case child.unit_type when 'TEAM' then 'a TEAM' else 'an LDU' end,
                        case child.unit_type when 'TEAM' then 'an LDU' else 'a REGION or PROVIDER' end)
            else format('%s is the parent of %s %s, so it must be %s', parent.unit_code, child.unit_type, child.unit_code,
                        case child.unit_type when 'TEAM' then 'an LDU' else 'a REGION or PROVIDER' end)
       end
from estate child join estate parent on parent.unit_code = child.parent_code
where (child.row_no is not null or parent.row_no is not null)
  and child.unit_type is not null and parent.unit_type is not null
  and ((child.unit_type = 'TEAM' and parent.unit_type <> 'LDU')
    or (child.unit_type = 'LDU' and parent.unit_type not in ('REGION', 'PROVIDER')));

insert into import_error (row_no, col, ord, message)
with recursive estate as (
    select r.unit_code, r.parent_code from import_rows r where r.unit_code is not null
    union all
    select u.unit_code, u.parent_code from estate_unit u
    where not exists (select 1 from import_rows r where r.unit_code = u.unit_code)
), walk (start_code, start_row, code) as (
    select r.unit_code, r.row_no, r.parent_code from import_rows r where r.parent_code is not null and r.unit_code is not null
    union all
    select w.start_code, w.start_row, e.parent_code
    from walk w join estate e on e.unit_code = w.code
    where e.parent_code is not null
) cycle code set looped using path
select distinct start_row, 'parent_code', 103, format('%s would be its own ancestor: the tree must not loop', start_code)
from walk where code = start_code and not looped;

-- Staff and events are counted for a TEAM: a unit that has them must stay a TEAM.
insert into import_error (row_no, col, ord, message)
select r.row_no, 'unit_type', 104, format('%s has staff or events in it, so it must stay a TEAM', r.unit_code)
from import_rows r
where r.unit_type <> 'TEAM'
  and (exists (select 1 from estate_staff s where s.team_code = r.unit_code)
    or exists (select 1 from case_event e where e.team_code = r.unit_code));
