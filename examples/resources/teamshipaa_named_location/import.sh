# The named location's object ID.
terraform import teamshipaa_named_location.clinics 0854951d-5fc0-4eb1-b392-9b2c9d7949c2
