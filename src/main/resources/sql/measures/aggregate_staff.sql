-- Monthly totals per practitioner (the event's staff_code) from the cells.
insert into measure_staff_result (measure_code, month, staff_code, numerator, denominator)
select c.measure_code, c.month, c.staff_code, sum(c.numerator), sum(c.denominator)
from measure_cell c
where {{touched}}
group by 1, 2, 3
