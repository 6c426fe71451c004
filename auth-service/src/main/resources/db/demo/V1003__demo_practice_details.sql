-- Demo data (the `demo` profile only): the demo practices' details, which ops now give a practice when they enrol it
-- (issue 20). Merchant IDs and the 555-01xx phone numbers are fiction.
UPDATE practice
SET practice_code = 'BRIGHT-SMILES', merchant_id = '4000100001', time_zone = 'America/New_York',
    address_line1 = '120 Main Street', address_line2 = 'Suite 200', address_city = 'Springfield',
    address_state = 'MA', address_postal_code = '01103',
    support_name = 'Dana Brightwell', support_email = 'office@brightsmiles.example', support_phone = '+15555550110'
WHERE id = '5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f';

UPDATE practice
SET practice_code = 'LAKESIDE', merchant_id = '4000100002', time_zone = 'America/Chicago',
    address_line1 = '8 Harbor Road', address_city = 'Madison', address_state = 'WI', address_postal_code = '53703',
    support_name = 'Lee Harbor', support_email = 'office@lakesideclinic.example', support_phone = '+15555550111'
WHERE id = '7d3e1f2a-9b8c-4d5e-8f6a-2b1c0d9e8f7a';
