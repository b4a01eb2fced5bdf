"""`toponyms report`: which rival forms appear, where, and how often."""
