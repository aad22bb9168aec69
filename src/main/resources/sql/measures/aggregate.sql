-- Monthly totals per unit (the event's team and each parent up to the provider) from the
-- per-case rows of the (measure, month) pairs in {{touched}}.
insert into measure_unit_result (measure_code, month, unit_code, numerator, denominator)
select t.measure_code, t.month, a.ancestor_code, sum(t.numerator), sum(t.denominator)
from (
    select mc.measure_code, mc.month, mc.team_code, sum(mc.numerator) as numerator, sum(mc.denominator) as denominator
    from measure_case mc
    where {{touched}}
    group by 1, 2, 3
) t
join unit_ancestry a on a.unit_code = t.team_code
group by 1, 2, 3
