"""Reads an .ics file with python's `icalendar` module (an independent parser) and prints its
events as JSON, for tests/support/icsReaders.ts. Usage: python3 readIcs.py FILE"""

import datetime
import json
import sys

import icalendar


def when(prop):
    value = prop.dt
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return {"floating": value.isoformat()}
        utc = value.astimezone(datetime.timezone.utc)
        return {
            "instant": utc.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            # A time written in UTC ("...Z") carries no TZID parameter.
            "tzid": prop.params.get("TZID") or "UTC",
            "wallClock": value.strftime("%H:%M"),
        }
    return {"date": value.isoformat()}


with open(sys.argv[1], "rb") as handle:
    calendar = icalendar.Calendar.from_ical(handle.read())

events = []
for component in calendar.walk("VEVENT"):
    events.append(
        {
            "uid": str(component.get("UID")),
            "sequence": int(component.get("SEQUENCE", 0)),
            "status": str(component.get("STATUS")) if component.get("STATUS") else None,
            "summary": str(component.get("SUMMARY")),
            "start": when(component["DTSTART"]),
            "end": when(component["DTEND"]),
        }
    )
zones = [str(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")]
print(json.dumps({"events": events, "timezones": zones}))
