-- Every unit with itself and each of its ancestors, published for other modules' SQL (a
-- case counted for a team is counted for each parent up to the provider).
create view estate_unit_ancestry as select unit_code, ancestor_code, depth from unit_ancestry;
