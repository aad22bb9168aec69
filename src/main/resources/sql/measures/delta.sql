-- The per-case rows of the events in measure_scope, summed per measure, month, team and
-- practitioner, with a sign: -1 before they are deleted, +1 after they are recomputed. The
-- sum of both is what an incremental recomputation changes in the monthly totals.
insert into measure_delta (measure_code, month, team_code, staff_code, numerator, denominator)
select mc.measure_code, mc.month, mc.team_code, mc.staff_code, :sign * sum(mc.numerator), :sign * sum(mc.denominator)
from measure_case mc
where mc.event_id in (select event_id from measure_scope) and mc.measure_code in ({{measures}})
group by 1, 2, 3, 4
