-- Views the estate publishes for other modules' SQL (cases and reports join events to
-- team names and staff names through these, never through the tables themselves).
create view estate_unit as
select unit_code, unit_name, unit_type, parent_code from unit;

create view estate_staff as
select staff_code, forename, surname, grade, team_code, start_date, end_date from staff;
