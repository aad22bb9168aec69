-- Equality analysis (equality.md): owns no case data; reads the measures' case rows and
-- the people's characteristics through the views and functions their owners publish.

-- Moved on by every import of people (characteristics change no measure, so the measures'
-- version does not move): with it, a reader can tell whether figures it read are current.
create table equality_state (
    singleton boolean primary key default true check (singleton),
    people_version bigint not null default 0
);
insert into equality_state default values;

-- Age in whole years on a day, in the bands of equality.md. A person born on 29 February
-- is a year older on 1 March in other years (age() counts 28 February as a day short).
create function equality_age_band(date_of_birth date, on_day date) returns text
language sql immutable parallel safe as $$
    select case when a < 18 then 'UNDER_18' when a < 25 then '18_24' when a < 35 then '25_34'
                when a < 45 then '35_44' when a < 55 then '45_54' when a < 65 then '55_64' else '65_PLUS' end
    from (select cast(extract(year from age(on_day, date_of_birth)) as integer) as a) as x
$$;

-- A person's group in each characteristic (equality.md, "Characteristics and groups"),
-- age in whole years on the day given. PostgreSQL writes it into the calling query.
create function equality_groups(date_of_birth date, sex text, gender_identity_same_as_birth boolean, ethnicity text,
                                religion text, sexual_orientation text, disability boolean, marital_status text,
                                on_day date)
returns table (characteristic text, group_code text)
language sql immutable parallel safe as $$
    values
        ('AGE', equality_age_band(date_of_birth, on_day)),
        ('SEX', sex),
        ('GENDER_REASSIGNMENT', case gender_identity_same_as_birth when true then 'SAME_AS_BIRTH'
                                     when false then 'DIFFERENT_FROM_BIRTH' else 'NOT_RECORDED' end),
        ('ETHNICITY', ethnicity),
        ('RELIGION', religion),
        ('SEXUAL_ORIENTATION', sexual_orientation),
        ('DISABILITY', case disability when true then 'DISABLED' when false then 'NOT_DISABLED'
                            else 'NOT_RECORDED' end),
        ('MARITAL_STATUS', marital_status)
$$;

-- Every case row of the months from_month to to_month once per characteristic, with the
-- person's group in it; age on the last day of the month the row counts in.
create function equality_row_groups(from_month date, to_month date)
returns table (measure_code text, month date, event_id text, crn char(7), team_code varchar(12), staff_code char(7),
               numerator integer, denominator integer, characteristic text, group_code text)
language sql stable parallel safe as $$
    select r.measure_code, r.month, r.event_id, r.crn, r.team_code, r.staff_code, r.numerator, r.denominator,
           g.characteristic, g.group_code
    from equality_case_rows(from_month, to_month) r
    join equality_person p on p.crn = r.crn
    cross join lateral equality_groups(p.date_of_birth, p.sex, p.gender_identity_same_as_birth, p.ethnicity,
        p.religion, p.sexual_orientation, p.disability, p.marital_status,
        cast(r.month + interval '1 month' - interval '1 day' as date)) as g
$$;

-- Monthly counts per unit (each team and every unit above it), measure, characteristic
-- and group: what the unit pages and API sum for a period, as the measures sum their
-- monthly totals. Filled month by month when first read after the measures' results or
-- the people changed (equality_month holds the versions each month was counted at).
-- Unlogged, with its months: after a crash both are empty and are counted again.
create unlogged table equality_unit_cell (
    month date not null,
    unit_code varchar(12) not null,
    measure_code text not null,
    characteristic text not null,
    group_code text not null,
    numerator bigint not null,
    denominator bigint not null,
    primary key (unit_code, month, measure_code, characteristic, group_code)
);

create unlogged table equality_month (
    month date primary key,
    measures_version bigint not null,
    people_version bigint not null,
    counted_at timestamptz not null
);
