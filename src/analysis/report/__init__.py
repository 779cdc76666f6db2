"""Reports for council staff: notebooks executed per motion into self-contained, accessible HTML,
with CSV/XLSX exports. Entry point: :func:`analysis.report.build.build_reports`."""
