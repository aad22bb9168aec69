-- The functions that word reasons ("3 business days", "4 March 2026"), declared as
-- volatile as what they call (to_char and concatenation with a number are stable), so
-- that PostgreSQL writes them into each query rather than calling a SQL function per
-- row: a full recomputation words about a million reasons, and a call cost three times
-- what it wrapped (500,000 dates worded in 1.18 s, 0.40 s inlined).
create or replace function measure_business_days(n integer) returns text
language sql stable parallel safe as $$
    select n || case when n = 1 then ' business day' else ' business days' end
$$;

create or replace function measure_date(d date) returns text
language sql stable parallel safe as $$
    select to_char(d, 'FMDD FMMonth YYYY')
$$;
