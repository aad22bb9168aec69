insert into measure_staff_result (measure_code, month, staff_code, numerator, denominator)
select measure_code, month, staff_code, sum(numerator), sum(denominator)
from measure_delta group by 1, 2, 3
on conflict (staff_code, measure_code, month) do update
set numerator = measure_staff_result.numerator + excluded.numerator,
    denominator = measure_staff_result.denominator + excluded.denominator
