"""`toponyms gazetteer import`: bring names from other gazetteers (GeoNames) into this project's format."""
