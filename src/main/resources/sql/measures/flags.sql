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
    where r.denominator > 0 and r.month between cast(:from as date) - interval '2 months' and cast(:to as date)
    union all
    select 'STAFF', r.staff_code, r.measure_code, r.month, r.denominator,
           100.0::float8 * r.numerator / r.denominator, t.target
    from measure_staff_result r join targets t on t.code = r.measure_code and t.month = r.month
    where r.denominator > 0 and r.month between cast(:from as date) - interval '2 months' and cast(:to as date)
),
below as (
    select * from results where performance < target
)
select 'DEEPER_AUDIT' as kind, b.measure_code, b.month, b.holder, b.code, b.performance
from below b
where b.holder = 'UNIT' and b.month >= cast(:from as date) and b.denominator >= 10 and b.performance < b.target - 5
union all
select 'SUSTAINED_SHORTFALL', b.measure_code, b.month, b.holder, b.code, b.performance
from below b
join below b1 on b1.code = b.code and b1.measure_code = b.measure_code and b1.holder = b.holder
               and b1.month = (b.month - interval '1 month')::date
join below b2 on b2.code = b.code and b2.measure_code = b.measure_code and b2.holder = b.holder
               and b2.month = (b.month - interval '2 months')::date
where b.month >= cast(:from as date)
