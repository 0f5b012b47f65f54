# The data source teamshipaa_named_locations lists the existing objects with ready import blocks.
# The named location's object ID.
import {
  to = teamshipaa_named_location.clinics
  id = "0854951d-5fc0-4eb1-b392-9b2c9d7949c2"
}
