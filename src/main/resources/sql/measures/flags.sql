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
)
select 'DEEPER_AUDIT' as kind, r.measure_code, r.month, r.holder, r.code, r.performance
from results r
where r.holder = 'UNIT' and r.month >= cast(:from as date) and r.denominator >= 10 and r.performance < r.target - 5
union all
select 'SUSTAINED_SHORTFALL', r.measure_code, r.month, r.holder, r.code, r.performance
from results r
join results r1 on r1.holder = r.holder and r1.code = r.code and r1.measure_code = r.measure_code
               and r1.month = (r.month - interval '1 month')::date and r1.performance < r1.target
join results r2 on r2.holder = r.holder and r2.code = r.code and r2.measure_code = r.measure_code
               and r2.month = (r.month - interval '2 months')::date and r2.performance < r2.target
where r.month >= cast(:from as date) and r.performance < r.target
