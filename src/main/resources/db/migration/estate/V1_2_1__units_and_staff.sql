-- The provider's organisation tree and its staff, as exported from the case management
-- system (data-exchange.md: units.csv, staff.csv).
create table unit (
    unit_code varchar(12) primary key,
    unit_name text not null,
    unit_type text not null check (unit_type in ('PROVIDER', 'REGION', 'LDU', 'TEAM')),
    parent_code varchar(12) references unit (unit_code) deferrable initially immediate,
    check ((unit_type = 'PROVIDER') = (parent_code is null))
);
create index unit_parent on unit (parent_code);

create table staff (
    staff_code char(7) primary key,
    forename text not null,
    surname text not null,
    grade text not null check (grade in ('PO', 'PSO', 'SPO', 'QDO', 'ACO', 'OTHER')),
    team_code varchar(12) not null references unit (unit_code) deferrable initially immediate,
    start_date date not null,
    end_date date
);
create index staff_team on staff (team_code);

-- Every unit with itself and each of its ancestors: a case counted for a team is also
-- counted for each parent up to the provider (measures.md, "Unit").
create view unit_ancestry as
with recursive up (unit_code, ancestor_code, depth) as (
    select unit_code, unit_code, 0 from unit
    union all
    select up.unit_code, u.parent_code, up.depth + 1
    from up join unit u on u.unit_code = up.ancestor_code
    where u.parent_code is not null
)
select unit_code, ancestor_code, depth from up;
