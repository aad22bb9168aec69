-- staff.csv: every member of staff is in a TEAM that is already imported.
insert into import_error (row_no, col, ord, message)
select r.row_no, 'team_code', 100,
       case when u.unit_code is null then format('No unit %s has been imported: import units.csv first', r.team_code)
            else format('%s is a %s: staff belong to a TEAM', r.team_code, u.unit_type) end
from import_rows r left join estate_unit u on u.unit_code = r.team_code
where r.team_code is not null and (u.unit_code is null or u.unit_type <> 'TEAM');
