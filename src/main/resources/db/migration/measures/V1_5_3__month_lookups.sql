-- How a contacts import finds the months it changed (BENCHMARKS.md, "Service-level
-- measures").

-- The contacts of a month, through contact_when. Contacts dated ahead of the data
-- (appointments arranged for next month) lie scattered through the table, and each makes
-- its whole block range match: with ranges of 128 pages, 867 such contacts made a month's
-- 18,000 appended pages into 111,000 read. Ranges of 4 pages keep that to a few thousand,
-- for an index of about 3 MB at national scale.
drop index contact_when;
create index contact_when on contact using brin (contact_at) with (pages_per_range = 4);

-- The summaries of a month, to replace them. A new month's are appended after every
-- other: a block range index finds them, or that there are none yet (the usual monthly
-- import), in the appended blocks and those of the few events with contacts arranged that
-- far ahead (ranges of 4 pages, as above); it costs next to nothing to keep and to build,
-- where a b-tree on month took 2 to 3 seconds to build at each full recomputation.
-- Replacing an earlier month reads the table (its rows lie among every event's others).
drop index measure_contact_month_month;
create index measure_contact_month_month on measure_contact_month using brin (month) with (pages_per_range = 4);
