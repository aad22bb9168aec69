-- Monthly totals per unit (the team and each parent up to the provider) from the cells of
-- the (measure, month) pairs in {{touched}}.
insert into measure_unit_result (measure_code, month, unit_code, numerator, denominator)
select t.measure_code, t.month, a.ancestor_code, sum(t.numerator), sum(t.denominator)
from (
    select c.measure_code, c.month, c.team_code, sum(c.numerator) as numerator, sum(c.denominator) as denominator
    from measure_cell c
    where {{touched}}
    group by 1, 2, 3
) t
join estate_unit_ancestry a on a.unit_code = t.team_code
group by 1, 2, 3
