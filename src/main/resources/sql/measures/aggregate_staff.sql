-- Monthly totals per practitioner (the event's staff_code).
insert into measure_staff_result (measure_code, month, staff_code, numerator, denominator)
select mc.measure_code, mc.month, mc.staff_code, sum(mc.numerator), sum(mc.denominator)
from measure_case mc
where {{touched}}
group by 1, 2, 3
