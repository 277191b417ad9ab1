"""Pre-screening engine. Entry point: `guides.screening.engine.screen(household)`."""
