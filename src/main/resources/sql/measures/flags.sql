-- Flags for the months :from to :to (measures.md, "Flags"), each month judged against the
-- target in force on its first day; measures with no target raise none.
-- Deeper audit: a unit at least 10 cases and strictly more than 5 points below target.
-- Sustained shortfall: a unit or practitioner below target in the month and in each of
-- the two months before, each with cases.
with months as (
    select generate_series(cast(:from as date) - interval '2 months', cast(:to as date), interval '1 month')::date as month
),
targets as (
    select m.code, mo.month, t.target::float8 as target
    from measure m cross join months mo
    join lateral (
        select mt.target from measure_target mt
        where mt.code = m.code and mt.effective_from <= mo.month
        order by mt.effective_from desc, mt.id desc limit 1
    ) t on t.target is not null
),
results as (
    select 'UNIT' as holder, r.unit_code as code, r.measure_code, r.month, r.denominator,
           100.0::float8 * r.numerator / r.denominator as performance, t.target
    from measure_unit_result r join targets t on t.code = r.measure_code and t.month = r.month
    where r.denominator > 0
    union all
    select 'STAFF', r.staff_code, r.measure_code, r.month, r.denominator,
           100.0::float8 * r.numerator / r.denominator, t.target
    from measure_staff_result r join targets t on t.code = r.measure_code and t.month = r.month
    where r.denominator > 0
),
-- each result beside the two months before it (rows with cases only, so a gap breaks a run)
judged as (
    select r.*, r.performance < r.target as below,
           lag(r.month, 1) over w as month1, lag(r.performance < r.target, 1) over w as below1,
           lag(r.month, 2) over w as month2, lag(r.performance < r.target, 2) over w as below2
    from results r
    window w as (partition by r.code, r.measure_code, r.holder order by r.month)
)
select 'DEEPER_AUDIT' as kind, j.measure_code, j.month, j.holder, j.code, j.performance
from judged j
where j.holder = 'UNIT' and j.month >= cast(:from as date) and j.denominator >= 10 and j.performance < j.target - 5
union all
select 'SUSTAINED_SHORTFALL', j.measure_code, j.month, j.holder, j.code, j.performance
from judged j
where j.month >= cast(:from as date) and j.below and j.below1 and j.below2
  and j.month1 = (j.month - interval '1 month')::date and j.month2 = (j.month - interval '2 months')::date
