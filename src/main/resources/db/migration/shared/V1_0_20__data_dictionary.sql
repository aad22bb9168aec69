-- The data dictionary (issue #19 point 7): every table and column Probity's migrations
-- create, described and classified, so that the data protection officer knows which
-- columns hold personal data. Each module describes its own tables in a repeatable
-- migration of its own folder (R__<module>_data_dictionary.sql), which replaces that
-- module's rows and then writes them as COMMENTs on the tables and columns.
-- DataDictionaryTests fails on any column of the schema with no row here, and on a row
-- whose column no longer exists.
create table data_dictionary_table (
    table_name text primary key,
    module text not null,
    description text not null check (description <> '')
);

-- PERSONAL: identifies or is about a person (names, dates of birth, addresses, CRNs,
-- usernames, free text about a case); SPECIAL_CATEGORY: protected characteristics and
-- health (UK GDPR article 9); PERSONNEL: staff performance, improvement plans and
-- training; OPERATIONAL: everything else.
create table data_dictionary_column (
    table_name text not null references data_dictionary_table (table_name) on delete cascade,
    column_name text not null,
    classification text not null
        check (classification in ('PERSONAL', 'SPECIAL_CATEGORY', 'PERSONNEL', 'OPERATIONAL')),
    description text not null check (description <> ''),
    primary key (table_name, column_name)
);

-- Writes the descriptions of a module's tables and columns (every module's when null) as
-- COMMENTs, skipping any table or column the schema does not hold (the test names those).
-- Also called after a table is re-created (the measures' full recomputation replaces
-- measure_contact_month), with that table's name.
create function data_dictionary_comment(p_module text, p_table text default null) returns integer
language plpgsql as $$
declare
    t record;
    c record;
    n integer := 0;
begin
    for t in select d.table_name, d.description from data_dictionary_table d
             where (p_module is null or d.module = p_module) and (p_table is null or d.table_name = p_table)
               and to_regclass(format('public.%I', d.table_name)) is not null loop
        execute format('comment on table public.%I is %L', t.table_name, t.description);
        n := n + 1;
        for c in select d.column_name, d.description from data_dictionary_column d
                 join information_schema.columns i on i.table_schema = 'public' and i.table_name = d.table_name
                  and i.column_name = d.column_name
                 where d.table_name = t.table_name loop
            execute format('comment on column public.%I.%I is %L', t.table_name, c.column_name, c.description);
            n := n + 1;
        end loop;
    end loop;
    return n;
end
$$;
