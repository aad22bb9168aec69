-- Adds the changes in measure_delta to the cells (and so to each practitioner's totals)
-- and to the monthly totals of each unit (the team and its parents).
with d as (
    select measure_code, month, team_code, staff_code, sum(numerator) as numerator, sum(denominator) as denominator
    from measure_delta group by 1, 2, 3, 4
    having sum(numerator) <> 0 or sum(denominator) <> 0
),
cells as (
    insert into measure_cell (measure_code, month, team_code, staff_code, numerator, denominator)
    select * from d
    on conflict (measure_code, month, team_code, staff_code) do update
    set numerator = measure_cell.numerator + excluded.numerator,
        denominator = measure_cell.denominator + excluded.denominator
)
insert into measure_unit_result (measure_code, month, unit_code, numerator, denominator)
select d.measure_code, d.month, a.ancestor_code, sum(d.numerator), sum(d.denominator)
from d join estate_unit_ancestry a on a.unit_code = d.team_code
group by 1, 2, 3
on conflict (unit_code, measure_code, month) do update
set numerator = measure_unit_result.numerator + excluded.numerator,
    denominator = measure_unit_result.denominator + excluded.denominator
