#!/usr/bin/env python3
"""A year of activity for one demo practice (Lakeside Family Clinic by default), on a running local platform.

What is seeded, and how (docs/benchmarks.md, "The dashboard with a year of activity"):

1. Credit applications through the platform's own path: every application is POSTed to transaction-service's
   public endpoint (/api/transactions/applications, with a practice user's token from /api/auth/login; straight to
   the service on 8082, since the gateway would budget one user to 120 calls a minute). The decision engine decides
   each (approved with a limit from the score band, declined for score, income or debt, or pending review), and the
   events open the accounts in account-service and count the funnel in reporting-service, as in production.
2. The applications and accounts are then dated back with SQL to the day each was meant for (every day of the last
   365, plus an older cohort of patients in the year before, so that the first days have customers):
   transaction-service's credit_application.submitted_at/decided_at, credit_line.opened_at, practice_account.since;
   account-service's account.opened_at and account_practice.since. Notifications (the welcome e-mails) keep today's
   date.
3. The purchases, refunds and voids of the 364 past days are written with SQL, in the shape the services write
   them (their Flyway migrations and repositories): transaction-service's purchase (settled on its business day with
   the plan's merchant fee, as Settlement does, or voided the same day) and refund rows and credit_line.open_to_buy;
   account-service's promotion_balance (one per purchase, on the plan's terms) and ledger_entry rows (PURCHASE,
   REFUND, VOID) and account.balance. No payments, and no business-day rules (interest, shadow interest) replayed:
   balances are marked processed through yesterday, deferred ones whose promotion ended are EXPIRED.
4. Today's purchases (and a refund and a void) through the gateway's public API, like any client.
5. reporting-service's read models for the practice (daily_sales, monthly_sales, daily_funding per plan,
   daily_applications, daily_decline_reasons) recomputed with SQL from transaction-service's rows, exactly as its
   listeners add them up from the events (business day of the event in the practice's zone); the row of collected
   payments (plan '') and the other practices are left alone.

It refuses a second run (exit status 3): a practice with purchases older than a week has been seeded already (a
fresh platform has none). Deterministic (random seed 19). Options (environment): SEED_USER=lakeside.admin SEED_PASSWORD=...
GATEWAY=http://localhost:8080 TRANSACTIONS=http://localhost:8082 PGHOST=127.0.0.1 PGPORT=15432 DAYS=365;
SEED_RESUME=1 runs only steps 4 and 5 (after a run interrupted there).
"""

import concurrent.futures
import csv
import datetime as dt
import io
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

GATEWAY = os.environ.get("GATEWAY", "http://localhost:8080")
TRANSACTIONS = os.environ.get("TRANSACTIONS", "http://localhost:8082")
USER = os.environ.get("SEED_USER", "lakeside.admin")
PASSWORD = os.environ.get("SEED_PASSWORD", "Lakeside-Harbor-2026")
PGHOST = os.environ.get("PGHOST", "127.0.0.1")
PGPORT = os.environ.get("PGPORT", "15432")
DAYS = int(os.environ.get("DAYS", "365"))
THREADS = int(os.environ.get("SEED_THREADS", "4"))

rng = random.Random(19)
CENT = Decimal("0.01")
PLANS = {  # code: (kind, months, apr, standard apr, minimum amount, merchant fee rate, weight)
    "DEFERRED_6": ("DEFERRED_INTEREST", 6, "0.00", "26.99", 200, "0.0600", 20),
    "DEFERRED_12": ("DEFERRED_INTEREST", 12, "0.00", "26.99", 200, "0.0600", 30),
    "DEFERRED_18": ("DEFERRED_INTEREST", 18, "0.00", "26.99", 200, "0.0800", 10),
    "DEFERRED_24": ("DEFERRED_INTEREST", 24, "0.00", "26.99", 200, "0.0800", 8),
    "FIXED_24": ("REDUCED_APR", 24, "14.90", "26.99", 1000, "0.0500", 14),
    "FIXED_36": ("REDUCED_APR", 36, "15.90", "26.99", 1000, "0.0500", 10),
    "FIXED_48": ("REDUCED_APR", 48, "16.90", "26.99", 1000, "0.0500", 5),
    "FIXED_60": ("REDUCED_APR", 60, "17.90", "26.99", 1000, "0.0500", 3),
}
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
FIRST = ("Olivia Liam Emma Noah Ava Elijah Sophia James Isabella Lucas Mia Mateo Amelia Ethan Harper Levi Evelyn "
         "Aiden Abigail Daniel Emily Henry Ella Owen Grace Samuel Chloe Jack Nora Wyatt Lily Leo Zoe Julian Layla "
         "Hudson Riley Ezra Aria Gabriel Hazel Luca Aurora Isaac Nova Kai Ivy Rosa Omar Priya Chen Yuki").split()
LAST = ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson "
        "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis "
        "Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall "
        "Rivera Campbell Mitchell Carter Roberts Okafor Kowalski Lindqvist Haddad").split()
STREETS = "Elm Oak Maple Cedar Pine Lake Harbor Birch Willow Spruce".split()


def log(message):
    print(f"[{dt.datetime.now(dt.timezone.utc):%H:%M:%S}] {message}", flush=True)


def psql(database, sql, copy_rows=None):
    """Runs SQL as the service's database user (user = password = database name), returns the rows (tab-separated)."""
    env = dict(os.environ, PGPASSWORD=database)
    command = ["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-h", PGHOST, "-p", PGPORT,
               "-U", database, "-d", database]
    if copy_rows is None:
        result = subprocess.run(command + ["-c", sql], env=env, capture_output=True, text=True)
    else:  # sql is a COPY ... FROM STDIN (FORMAT csv); the rows follow it on standard input
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(copy_rows)
        result = subprocess.run(command + ["-f", "-"], env=env, input=sql + ";\n" + buffer.getvalue() + "\\.\n",
                                capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"psql {database} failed: {result.stderr.strip()}\n{sql[:400]}")
    return [line.split("\t") for line in result.stdout.splitlines() if line]


def http(method, url, body=None, token=None, key=None):
    data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    request.add_header("Accept", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if key:
        request.add_header("Idempotency-Key", key)
    for attempt in range(6):
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            if error.code in (429, 503) and attempt < 5:
                time.sleep(float(error.headers.get("Retry-After") or 2))
                continue
            raise RuntimeError(f"{method} {url} answered {error.code}: {error.read()[:300]!r}") from error


class Token:
    """A practice user's access token, renewed every 8 minutes (they live 10)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.value, self.at = None, 0.0

    def get(self):
        with self.lock:
            if self.value is None or time.monotonic() - self.at > 480:
                answer = http("POST", GATEWAY + "/api/auth/login", {"userId": USER, "password": PASSWORD})
                self.value, self.at = answer["accessToken"], time.monotonic()
            return self.value


def money(value):
    return Decimal(value).quantize(CENT, ROUND_HALF_UP)


def at_local(day, zone, start_hour=8, end_hour=18):
    """A random instant during the practice's opening hours on a day, in UTC."""
    seconds = rng.randrange(start_hour * 3600, end_hour * 3600)
    local = dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds, microseconds=rng.randrange(10**6))
    return local.replace(tzinfo=zone).astimezone(dt.timezone.utc)


def iso(instant):
    return instant.isoformat()


def main():
    token = Token()
    me = http("GET", GATEWAY + "/api/auth/me", token=token.get())
    practice = me.get("practiceId") or me.get("practice", {}).get("id")
    if not practice:
        sys.exit(f"no practice in /api/auth/me: {sorted(me)}")
    zone_rows = psql("account", f"SELECT zone FROM promotion_balance WHERE practice_id = '{practice}' LIMIT 1")
    zone_name = zone_rows[0][0] if zone_rows else "America/New_York"
    zone = ZoneInfo(zone_name)
    today = dt.datetime.now(zone).date()
    first_day = today - dt.timedelta(days=DAYS - 1)
    if os.environ.get("SEED_RESUME") == "1":
        finish(practice, token, today, first_day, zone_name)
        return
    seeded = psql("transaction", f"SELECT count(*) FROM purchase WHERE practice_id = '{practice}' "
                                 f"AND business_date < DATE '{today}' - 7")[0][0]
    if int(seeded) > 0:
        print(f"the practice {practice} already has {seeded} purchases older than a week: seeded before, not "
              "again (start the platform with --fresh to seed anew)", flush=True)
        sys.exit(3)
    log(f"practice {practice} ({me.get('practice', {}).get('name', USER)}), zone {zone_name}, {first_day} to {today}")

    # 1. applications: an older cohort (a year before the window, 1 a day) and 3-6 a day in the window
    plan = []
    for offset in range(2 * DAYS - 1, -1, -1):
        day = today - dt.timedelta(days=offset)
        count = 1 if day < first_day else rng.randint(3, 6)
        plan += [day] * count
    ssns = set()

    def applicant(day):
        roll = rng.random()
        area = rng.choice([a for a in range(101, 900) if a != 666])
        group = rng.randint(1, 8)
        income, housing = Decimal(rng.randrange(45000, 160000, 500)), Decimal(rng.randrange(800, 2400, 50))
        if roll < 0.75:  # approved: score 620-850 (limit bands 3,000-10,000)
            last4 = rng.choice(range(320, 551)) + 551 * rng.randint(0, 17)
        elif roll < 0.80:  # pending review: score 580-619
            last4 = rng.choice(range(280, 320)) + 551 * rng.randint(0, 17)
        elif roll < 0.92:  # declined: score below 580
            last4 = rng.choice(range(0, 280)) + 551 * rng.randint(0, 17)
        elif roll < 0.96:  # declined: income too low
            last4, income = rng.choice(range(320, 551)), Decimal(rng.randrange(6000, 11500, 500))
        else:  # declined: debt to income too high
            last4, income, housing = rng.choice(range(320, 551)), Decimal(40000), Decimal(2900)
        last4 = max(1, min(last4, 9999))
        ssn = f"{area:03d}-{group:02d}-{last4:04d}"
        if ssn in ssns:
            return applicant(day)
        ssns.add(ssn)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        birth = dt.date(rng.randint(1948, 2004), rng.randint(1, 12), rng.randint(1, 28))
        return day, {
            "firstName": first, "lastName": last, "dateOfBirth": birth.isoformat(), "ssn": ssn,
            "email": f"{first}.{last}.{area}{last4}@example.com".lower(),
            "address": {"line1": f"{rng.randint(1, 999)} {rng.choice(STREETS)} Street", "city": "Madison",
                        "state": "WI", "postalCode": f"537{rng.randint(0, 99):02d}"},
            "annualIncome": str(income) + ".00", "monthlyHousingPayment": str(housing) + ".00",
            "requestedAmount": str(rng.randrange(1000, 9000, 500)) + ".00", "keyedBy": "STAFF"}

    applications = [applicant(day) for day in plan]
    # applications an interrupted run submitted (today, with this script's e-mail addresses) count as decided
    earlier = psql("transaction", f"""SELECT id, status, coalesce(account_id::text, '') FROM credit_application
        WHERE practice_id = '{practice}' AND email ~ '^[a-z]+\\.[a-z]+\\.[0-9]+@example\\.com$'
        ORDER BY submitted_at""")
    reused = [(day, {"applicationId": row[0], "status": row[1], "accountId": row[2] or None})
              for (day, _), row in zip(applications, earlier)]
    applications = applications[len(reused):]
    log(f"submitting {len(applications)} applications to {TRANSACTIONS} with {THREADS} threads"
        + (f" ({len(reused)} from an interrupted run reused)" if reused else ""))
    started = time.monotonic()

    def submit(item):
        day, body = item
        return day, http("POST", TRANSACTIONS + "/api/transactions/applications", body, token=token.get())

    with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
        answers = reused + list(pool.map(submit, applications))
    statuses = {}
    for _, answer in answers:
        statuses[answer["status"]] = statuses.get(answer["status"], 0) + 1
    log(f"applications decided in {time.monotonic() - started:.0f} s: {statuses}")
    approved = [(day, answer) for day, answer in answers if answer["status"] == "APPROVED"]

    # 2. wait for account-service to open every approved account, then date everything back
    ids = list(dict.fromkeys(answer["accountId"] for _, answer in approved))
    for _ in range(600):
        opened = int(psql("account", "SELECT count(*) FROM account WHERE id IN (%s)"
                          % ",".join(f"'{i}'" for i in ids))[0][0])
        if opened == len(ids):
            break
        time.sleep(1)
    else:
        sys.exit(f"account-service opened {opened} of {len(ids)} accounts in 10 minutes")
    log(f"account-service opened all {len(ids)} accounts")
    submitted = {row[0]: dt.datetime.fromisoformat(row[1]) for row in psql(
        "transaction", f"SELECT id, to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US+00:00') "
                       f"FROM credit_application WHERE practice_id = '{practice}'")}
    shifts, account_shifts = [], []
    for day, answer in answers:
        if day == today:
            continue
        target = at_local(day, zone)
        shift = (target - submitted[answer["applicationId"]]).total_seconds()
        shifts.append((answer["applicationId"], answer.get("accountId") or "", shift))
        if answer["status"] == "APPROVED":
            account_shifts.append((answer["accountId"], shift))
    load_and_run("transaction", "shift (application_id UUID, account_id TEXT, seconds DOUBLE PRECISION)", shifts, f"""
        UPDATE credit_application a SET submitted_at = a.submitted_at + make_interval(secs => s.seconds),
            decided_at = a.decided_at + make_interval(secs => s.seconds)
        FROM shift s WHERE a.id = s.application_id;
        UPDATE credit_line c SET opened_at = c.opened_at + make_interval(secs => s.seconds)
        FROM shift s WHERE s.account_id <> '' AND c.account_id = s.account_id::uuid;
        UPDATE practice_account p SET since = p.since + make_interval(secs => s.seconds)
        FROM shift s WHERE s.account_id <> '' AND p.account_id = s.account_id::uuid
          AND p.practice_id = '{practice}';""")
    load_and_run("account", "shift (account_id UUID, seconds DOUBLE PRECISION)", account_shifts, f"""
        UPDATE account a SET opened_at = a.opened_at + make_interval(secs => s.seconds)
        FROM shift s WHERE a.id = s.account_id;
        UPDATE account_practice p SET since = p.since + make_interval(secs => s.seconds)
        FROM shift s WHERE p.account_id = s.account_id AND p.practice_id = '{practice}';""")
    log(f"dated back {len(shifts)} applications and {len(account_shifts)} accounts")

    # 3. purchases, refunds and voids of the past days
    lines = {row[0]: {"id": row[0], "limit": Decimal(row[1]), "otb": Decimal(row[2]), "last4": row[3],
                      "opened": None} for row in psql(
        "transaction", "SELECT account_id, credit_limit, open_to_buy, account_last4 FROM credit_line WHERE "
                       "account_id IN (%s)" % ",".join(f"'{i}'" for i in ids))}
    for day, answer in approved:
        lines[answer["accountId"]]["opened"] = day
    opened_by_day = {}
    for line in lines.values():
        opened_by_day.setdefault(line["opened"], []).append(line)
    practice_name = psql("transaction", f"SELECT practice_name FROM credit_application "
                                        f"WHERE practice_id = '{practice}' LIMIT 1")[0][0]
    codes, weights = list(PLANS), [PLANS[c][6] for c in PLANS]
    purchases, refunds, ledger, balances = [], [], [], []
    yesterday = today - dt.timedelta(days=1)
    active = []  # accounts opened so far, most recent last
    now = dt.datetime.now(dt.timezone.utc)
    for offset in range(2 * DAYS - 1, 0, -1):
        day = today - dt.timedelta(days=offset)
        active += opened_by_day.get(day, [])
        if day < first_day:
            continue
        new_today = opened_by_day.get(day, [])
        count = rng.randint(20, 35)
        for n in range(count):
            roll = rng.random()
            amount = money(rng.uniform(200, 900) if roll < 0.65 else rng.uniform(900, 2000) if roll < 0.93
                           else rng.uniform(2000, 4000))
            candidates = new_today if n < len(new_today) else active
            line = None
            for _ in range(60):
                pick = candidates[n] if candidates is new_today else rng.choice(candidates)
                if pick["otb"] >= amount:
                    line = pick
                    break
                candidates = active
            if line is None:
                continue
            code = rng.choices(codes, weights)[0]
            while amount < PLANS[code][4]:
                code = rng.choices(codes, weights)[0]
            kind, months, apr, standard, _, rate, _ = PLANS[code]
            created = at_local(day, zone)
            purchase = {"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "account": line["id"],
                        "amount": amount, "code": code, "created": created, "day": day, "refunded": Decimal(0)}
            auth = "".join(rng.choice(CODE_ALPHABET) for _ in range(6))
            voided = rng.random() < 0.02
            fee = net = settlement = voided_at = None
            if voided:
                status, voided_at = "VOIDED", created + dt.timedelta(minutes=rng.randint(5, 180))
            else:
                status, settlement = "SETTLED", day
                fee = money(amount * Decimal(rate))
                net = amount - fee
                line["otb"] -= amount
            ledger.append((line["id"], "PURCHASE", amount, created, purchase["id"], day, f"Purchase on {code}"))
            remaining = amount
            if voided:
                ledger.append((line["id"], "VOID", -amount, voided_at, purchase["id"], day, "Purchase voided"))
                remaining = Decimal(0)
            elif rng.random() < 0.04:  # a refund, after settlement, 1-30 days later (not after yesterday)
                refund_day = min(yesterday, day + dt.timedelta(days=rng.randint(1, 30)))
                if refund_day > day:
                    refund_amount = amount if rng.random() < 0.3 else money(amount * Decimal(rng.uniform(0.1, 0.6)))
                    refund_at = at_local(refund_day, zone)
                    refund_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                    refunds.append((refund_id, purchase["id"], refund_amount, "true", iso(refund_at)))
                    purchase["refunded"] = refund_amount
                    line["otb"] += refund_amount
                    remaining -= refund_amount
                    ledger.append((line["id"], "REFUND", -refund_amount, refund_at, purchase["id"], refund_day,
                                   f"Refund {refund_id}"))
            end = add_months(day, months)
            balance_status = "VOIDED" if voided else ("EXPIRED" if kind == "DEFERRED_INTEREST" and end <= yesterday
                                                      else "OPEN")
            if remaining == 0 and not voided:
                balance_status = "PAID_IN_FULL"
            purchases.append((purchase["id"], practice, practice_name, line["id"], amount, code, kind, months, apr,
                              standard, rate, status, None, auth, purchase["refunded"], iso(created), day,
                              iso(voided_at) if voided_at else None, settlement, fee, net))
            balances.append((purchase["id"], line["id"], practice, practice_name, code, kind, months, apr, standard,
                             amount, auth, day, end, zone_name, balance_status, remaining, "0.00", yesterday))
    log(f"writing {len(purchases)} purchases, {len(refunds)} refunds, "
        f"{sum(1 for p in purchases if p[11] == 'VOIDED')} voids")
    psql("transaction", """COPY purchase (id, practice_id, practice_name, account_id, amount, promotion_code,
        plan_kind, plan_months, plan_apr, standard_apr, merchant_fee_rate, status, decline_reason,
        authorization_code, refunded, created_at, business_date, voided_at, settlement_date, merchant_fee,
        net_funding) FROM STDIN (FORMAT csv)""", purchases)
    psql("transaction", "COPY refund (id, purchase_id, amount, settled, created_at) FROM STDIN (FORMAT csv)", refunds)
    load_and_run("transaction", "otb (account_id UUID, open_to_buy NUMERIC(12, 2))",
                 [(line["id"], line["otb"]) for line in lines.values()], """
        UPDATE credit_line c SET open_to_buy = o.open_to_buy FROM otb o WHERE c.account_id = o.account_id;""")
    psql("account", """COPY promotion_balance (purchase_id, account_id, practice_id, practice_name, plan_code, kind,
        months, apr, standard_apr, amount, authorization_code, start_date, end_date, zone, status, remaining,
        shadow_interest, processed_through) FROM STDIN (FORMAT csv)""", balances)
    psql("account", """COPY ledger_entry (id, account_id, kind, amount, source_event_id, occurred_at, recorded_at,
        purchase_id, business_date, detail) FROM STDIN (FORMAT csv)""",
         [(str(uuid.UUID(int=rng.getrandbits(128), version=4)), account, kind, amount,
           str(uuid.UUID(int=rng.getrandbits(128), version=4)), iso(at), iso(now), purchase, day, detail)
          for account, kind, amount, at, purchase, day, detail in ledger])
    load_and_run("account", "ids (id UUID)", [(i,) for i in ids], """
        UPDATE account a SET balance = coalesce((SELECT sum(amount) FROM ledger_entry e WHERE e.account_id = a.id), 0)
        WHERE a.id IN (SELECT id FROM ids);""")

    finish(practice, token, today, first_day, zone_name)


def finish(practice, token, today, first_day, zone_name):
    """Steps 4 and 5: today's purchases through the gateway, then the reporting read models, then the totals."""
    codes, weights = list(PLANS), [PLANS[c][6] for c in PLANS]
    already = int(psql("transaction", f"SELECT count(*) FROM purchase WHERE practice_id = '{practice}' "
                                      f"AND business_date = DATE '{today}'")[0][0])
    todays = max(0, rng.randint(20, 40) - already)
    made = []
    lines = [{"id": row[0], "otb": Decimal(row[1])} for row in psql(
        "transaction", f"SELECT account_id, open_to_buy FROM credit_line WHERE practice_id = '{practice}' "
                       f"AND open_to_buy >= 800 ORDER BY account_id")]
    for n in range(todays):
        line = rng.choice([candidate for candidate in lines if candidate["otb"] >= 800])
        amount = money(rng.uniform(200, min(3000, float(line["otb"]))))
        code = rng.choices(codes, weights)[0]
        while amount < PLANS[code][4]:
            code = rng.choices(codes, weights)[0]
        answer = http("POST", GATEWAY + "/api/transactions/purchases",
                      {"accountId": line["id"], "amount": str(amount), "promotionCode": code},
                      token=token.get(), key=str(uuid.uuid4()))
        if answer["status"] == "APPROVED":
            made.append(answer["purchaseId"])
            line["otb"] -= amount
    if len(made) < 2:  # a resumed run: today's purchases were made before
        made = [row[0] for row in psql("transaction", f"SELECT id FROM purchase WHERE practice_id = '{practice}' "
                                                      f"AND business_date = DATE '{today}' AND status = 'APPROVED' "
                                                      f"AND refunded = 0 ORDER BY created_at LIMIT 2")]
    http("POST", GATEWAY + f"/api/transactions/purchases/{made[0]}/refunds", {"amount": "50.00"},
         token=token.get(), key=str(uuid.uuid4()))
    http("POST", GATEWAY + f"/api/transactions/purchases/{made[1]}/void", token=token.get(), key=str(uuid.uuid4()))
    log(f"today through the gateway: {todays} purchases asked ({already} made before), 1 refund, 1 void")

    # 5. the reporting read models, once reporting-service has taken in today's events
    wait_for_reporting(practice, today)
    recompute_reports(practice, zone_name)
    summary = psql("transaction", f"""SELECT count(*) FILTER (WHERE status <> 'DECLINED'),
        count(*) FILTER (WHERE status = 'VOIDED'), sum(amount) FILTER (WHERE status <> 'DECLINED'),
        min(business_date), max(business_date), count(DISTINCT business_date)
        FROM purchase WHERE practice_id = '{practice}'""")[0]
    refund_total = psql("transaction", f"SELECT count(*), coalesce(sum(r.amount), 0) FROM refund r "
                                       f"JOIN purchase p ON p.id = r.purchase_id WHERE p.practice_id = '{practice}'")[0]
    apps = psql("transaction", f"SELECT status, count(*) FROM credit_application WHERE practice_id = '{practice}' "
                               f"AND submitted_at >= DATE '{first_day}' GROUP BY 1 ORDER BY 1")
    totals = psql("transaction", f"SELECT count(*), count(DISTINCT account_id) FROM credit_application "
                                 f"WHERE practice_id = '{practice}'")[0]
    balances = psql("account", f"SELECT status, count(*) FROM promotion_balance WHERE practice_id = '{practice}' "
                               f"GROUP BY 1 ORDER BY 1")
    print(f"SEEDED practice={practice} days={summary[5]} from={summary[3]} to={summary[4]} "
          f"purchases={summary[0]} volume={summary[2]} voids={summary[1]} refunds={refund_total[0]} "
          f"refunded={refund_total[1]} applications={totals[0]} accounts={totals[1]} "
          f"applications-in-window={','.join(f'{s}:{c}' for s, c in apps)} "
          f"promotion-balances={','.join(f'{s}:{c}' for s, c in balances)}", flush=True)


def add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30,
            31, 30, 31][month - 1]
    return dt.date(year, month, min(day.day, last))


def load_and_run(database, table, rows, sql):
    """Loads rows into a temporary table and runs SQL against it, in one session."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    name = table.split(" ")[0]
    script = (f"BEGIN;\nCREATE TEMP TABLE {table} ON COMMIT DROP;\nCOPY {name} FROM STDIN (FORMAT csv);\n"
              f"{buffer.getvalue()}\\.\n{sql}\nCOMMIT;\n")
    env = dict(os.environ, PGPASSWORD=database)
    result = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", PGHOST, "-p", PGPORT, "-U",
                             database, "-d", database, "-f", "-"], env=env, input=script, capture_output=True,
                            text=True)
    if result.returncode != 0:
        sys.exit(f"psql {database} failed: {result.stderr.strip()}")


def wait_for_reporting(practice, today):
    """Waits until reporting-service has counted every application and today's purchases and voids (their events
    carry today's times: one counted after the recompute would be counted twice)."""
    applications = psql("transaction", f"SELECT count(*) FROM credit_application WHERE practice_id = '{practice}'")
    for _ in range(600):
        counted = psql("reporting", f"SELECT coalesce(sum(submitted), 0) FROM daily_applications "
                                    f"WHERE practice_id = '{practice}'")
        if counted == applications:
            break
        time.sleep(1)
    else:
        sys.exit(f"reporting-service counted {counted} applications, transaction-service has {applications}")
    expected = psql("transaction", f"""SELECT
        (SELECT count(*) FROM purchase WHERE practice_id = '{practice}' AND status <> 'DECLINED'
           AND business_date = DATE '{today}'),
        (SELECT count(*) FROM purchase WHERE practice_id = '{practice}' AND status = 'VOIDED'
           AND business_date = DATE '{today}')""")[0]
    for _ in range(300):
        seen = psql("reporting", f"SELECT coalesce(sum(purchases), 0), coalesce(sum(voids), 0) FROM daily_sales "
                                 f"WHERE practice_id = '{practice}' AND business_day = DATE '{today}'")[0]
        if seen == expected:
            time.sleep(3)  # the refund's and the applications' events travel on their own topics
            return
        time.sleep(1)
    sys.exit(f"reporting-service has {seen} of today's purchases and voids, transaction-service {expected}")


def recompute_reports(practice, zone):
    """The practice's read models from transaction-service's rows, as reporting-service's listeners add them up."""
    local = f"AT TIME ZONE '{zone}'"
    sales = psql("transaction", f"""
        WITH events AS (
          SELECT business_date AS day, promotion_code AS plan, 1 AS purchases, amount AS volume, 0 AS refunds,
                 0::numeric AS refund_amount, 0 AS voids, 0::numeric AS void_amount
          FROM purchase WHERE practice_id = '{practice}' AND status <> 'DECLINED'
          UNION ALL
          SELECT (r.created_at {local})::date, p.promotion_code, 0, 0, 1, r.amount, 0, 0
          FROM refund r JOIN purchase p ON p.id = r.purchase_id WHERE p.practice_id = '{practice}'
          UNION ALL
          SELECT (voided_at {local})::date, promotion_code, 0, 0, 0, 0, 1, amount
          FROM purchase WHERE practice_id = '{practice}' AND status = 'VOIDED')
        SELECT day, plan, sum(purchases), sum(volume), sum(refunds), sum(refund_amount), sum(voids), sum(void_amount)
        FROM events GROUP BY day, plan""")
    funding = psql("transaction", f"""
        WITH events AS (
          SELECT settlement_date AS day, promotion_code AS plan, 1 AS settled, amount AS gross,
                 refunded - coalesce((SELECT sum(amount) FROM refund r WHERE r.purchase_id = p.id AND r.settled), 0)
                   AS refunds_before, 0::numeric AS refunds_after, 0 AS voids, 0::numeric AS void_amount,
                 merchant_fee AS fees
          FROM purchase p WHERE practice_id = '{practice}' AND status = 'SETTLED'
          UNION ALL
          SELECT (r.created_at {local})::date, p.promotion_code, 0, 0, 0, r.amount, 0, 0, 0
          FROM refund r JOIN purchase p ON p.id = r.purchase_id WHERE p.practice_id = '{practice}' AND r.settled
          UNION ALL
          SELECT (voided_at {local})::date, promotion_code, 0, 0, 0, 0, 1, amount, 0
          FROM purchase WHERE practice_id = '{practice}' AND status = 'VOIDED')
        SELECT day, plan, sum(settled), sum(gross), sum(refunds_before), sum(refunds_after), sum(voids),
               sum(void_amount), sum(fees)
        FROM events GROUP BY day, plan""")
    funnel = psql("transaction", f"""
        SELECT (submitted_at {local})::date, keyed_by, count(*), count(*) FILTER (WHERE status = 'APPROVED'),
               count(*) FILTER (WHERE status = 'DECLINED'), count(*) FILTER (WHERE status = 'PENDING_REVIEW')
        FROM credit_application WHERE practice_id = '{practice}' GROUP BY 1, 2""")
    reasons = psql("transaction", f"""
        SELECT day, reason, count(*) FROM (
          SELECT DISTINCT a.id, (a.submitted_at {local})::date AS day, reason
          FROM credit_application a, unnest(string_to_array(a.reasons, ',')) AS reason
          WHERE a.practice_id = '{practice}' AND a.status = 'DECLINED' AND reason <> '') AS r
        GROUP BY day, reason""")
    monthly = {}
    for day, plan, *figures in sales:
        key = (day[:8] + "01", plan)
        monthly[key] = [Decimal(a) + Decimal(b) for a, b in zip(monthly.get(key, [0] * 6), figures)]
    script = f"""
        DELETE FROM daily_sales WHERE practice_id = '{practice}';
        DELETE FROM monthly_sales WHERE practice_id = '{practice}';
        DELETE FROM daily_funding WHERE practice_id = '{practice}' AND plan_code <> '';
        DELETE FROM daily_applications WHERE practice_id = '{practice}';
        DELETE FROM daily_decline_reasons WHERE practice_id = '{practice}';"""
    copies = [
        ("daily_sales (business_day, plan_code, purchases, purchase_volume, refunds, refund_amount, voids, "
         "void_amount)", sales),
        ("monthly_sales (month, plan_code, purchases, purchase_volume, refunds, refund_amount, voids, void_amount)",
         [[k[0], k[1]] + [str(v) for v in values] for k, values in monthly.items()]),
        ("daily_funding (business_day, plan_code, settled_purchases, gross, refunds_before_settlement, "
         "refunds_after_settlement, voids, void_amount, merchant_fees)", funding),
        ("daily_applications (business_day, keyed_by, submitted, approved, declined, pending)", funnel),
        ("daily_decline_reasons (business_day, reason, declined)", reasons),
    ]
    buffer = io.StringIO()
    buffer.write("BEGIN;\n" + script + "\n")
    for target, rows in copies:
        table = target.split(" ")[0]
        columns = target[len(table):].strip()[1:-1]
        buffer.write(f"CREATE TEMP TABLE seed_{table} AS SELECT * FROM {table} WITH NO DATA;\n")
        buffer.write(f"COPY seed_{table} ({columns}) FROM STDIN (FORMAT csv);\n")
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        buffer.write("\\.\n")
        buffer.write(f"INSERT INTO {table} ({columns}, practice_id) SELECT {columns}, '{practice}' "
                     f"FROM seed_{table};\n")
    buffer.write("COMMIT;\n")
    env = dict(os.environ, PGPASSWORD="reporting")
    result = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", PGHOST, "-p", PGPORT, "-U",
                             "reporting", "-d", "reporting", "-f", "-"], env=env, input=buffer.getvalue(),
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"psql reporting failed: {result.stderr.strip()}")
    log(f"reporting-service's read models recomputed: {len(sales)} sales rows, {len(funding)} funding rows, "
        f"{len(funnel)} funnel rows, {len(reasons)} decline-reason rows, {len(monthly)} monthly rows")


if __name__ == "__main__":
    main()
