-- Flags for the months :from to :to (measures.md, "Flags"), each month judged against the
-- target in force on its first day; measures with no target raise none.
-- Deeper audit: a unit at least 10 cases and strictly more than 5 points below target.
-- Sustained shortfall: a unit or practitioner below target in the month and in each of
-- the two months before, each with cases.
-- :measures: the measures judged (null for all).
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
      and (cast(:measures as text[]) is null or r.measure_code = any(cast(:measures as text[])))
    union all
    select 'STAFF', r.staff_code, r.measure_code, r.month, r.denominator,
           100.0::float8 * r.numerator / r.denominator, t.target
    from measure_staff_result r join targets t on t.code = r.measure_code and t.month = r.month
    where r.denominator > 0 and r.month between cast(:from as date) - interval '2 months' and cast(:to as date)
      and (cast(:measures as text[]) is null or r.measure_code = any(cast(:measures as text[])))
),
below as (
    -- with the two months before it in which the same holder was below target too
    select r.*, lag(r.month, 1) over w as below_before, lag(r.month, 2) over w as below_before_that
    from results r
    where r.performance < r.target
    window w as (partition by r.holder, r.code, r.measure_code order by r.month)
)
select 'DEEPER_AUDIT' as kind, b.measure_code, b.month, b.holder, b.code, b.performance
from below b
where b.holder = 'UNIT' and b.month >= cast(:from as date) and b.denominator >= 10 and b.performance < b.target - 5
union all
select 'SUSTAINED_SHORTFALL', b.measure_code, b.month, b.holder, b.code, b.performance
from below b
where b.month >= cast(:from as date)
  and b.below_before = (b.month - interval '1 month')::date
  and b.below_before_that = (b.month - interval '2 months')::date
