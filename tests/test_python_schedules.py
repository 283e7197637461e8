"""The APScheduler registrations read on the syntax tree (designlint/checks/python_schedules.py)."""

from designlint.checks.python_schedules import scheduled_jobs

REGISTRY = '''
import functools
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from app.jobs import weekly_summary
from .services.alerts import AlertService as Alerts
from app.services.push import PushService

scheduler = AsyncIOScheduler()
alerts = Alerts(client)
hourly = IntervalTrigger(hours=1)

def start():
    scheduler.add_job(PushService(db=next(get_db()), cache=next(get_cache(cfg(1)))).send_morning, trigger=CronTrigger(hour=8))
    scheduler.add_job(alerts.send_digest, hourly)
    scheduler.add_job(lambda: weekly_summary(app), "cron", day_of_week="mon")
    scheduler.add_job(functools.partial(weekly_summary, 2), trigger="interval", hours=6)
    scheduler.add_job(func="app.tasks:cleanup", trigger="cron", hour=3)
    scheduler.add_job(PushService(db=None).announce, "date", run_date=launch)
    scheduler.add_job(PushService(db=None).once)

@scheduler.scheduled_job("cron", hour=12)
def lunchtime():
    PushService(db=None).send_midday()
    weekly_summary()
    db.close()
'''


def test_methods_of_objects_built_in_place_or_named_resolve_to_their_class():
    jobs = scheduled_jobs(REGISTRY)
    assert "app.services.push.PushService.send_morning" in jobs  # nested arguments, trigger object
    assert "services.alerts.AlertService.send_digest" in jobs  # a name bound to the object, aliased relative import


def test_lambdas_partials_strings_and_decorated_functions():
    jobs = scheduled_jobs(REGISTRY)
    assert "weekly_summary" in jobs
    assert "app.tasks.cleanup" in jobs
    # the decorated function, and one level down what it runs (not `db.close()`)
    assert {"lunchtime", "app.services.push.PushService.send_midday", "app.jobs.weekly_summary"} <= set(jobs)
    assert not any(j.endswith(".close") for j in jobs)


def test_one_off_and_trigger_less_jobs_are_not_schedules():
    jobs = scheduled_jobs(REGISTRY)
    assert not any(j.endswith((".announce", ".once")) for j in jobs)
