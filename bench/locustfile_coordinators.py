"""Coordinators at work: each simulated user logs in as a different synthesized coordinator and reads the main
pages and the API. Driven by load_coordinators.py, which names the users in SANPHALANG_LOAD_USERS."""

import json
import os
import random
from itertools import count

from locust import HttpUser, between, task

with open(os.environ["SANPHALANG_LOAD_USERS"], encoding="utf-8") as file:
    PLAN = json.load(file)
_next = count()
SEARCHES = ("กองทุน", "เครือข่าย", "สภา", "บ้าน", "สวัสดิการ")


class Coordinator(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self):
        self.me = PLAN["users"][next(_next) % len(PLAN["users"])]
        self.api = {"Authorization": f"Bearer {self.me['token']}"}
        self.client.cookies.set(PLAN["cookie"], self.me["session"])

    def get(self, url: str, name: str, **kwargs):
        # A page that sends the user to the login page has failed, even though it answers 200 there.
        with self.client.get(url, name=name, catch_response=True, **kwargs) as response:
            if "/accounts/login/" in response.url:
                response.failure("not logged in")

    def _one(self, key):
        return random.choice(self.me[key]) if self.me[key] else None

    @task(3)
    def home(self):
        self.get("/", name="home")

    @task(3)
    def fund_list(self):
        self.get("/welfare/", name="fund list")

    @task(2)
    def fund_search(self):
        self.get(f"/welfare/?q={random.choice(SEARCHES)}", name="fund search")

    @task(3)
    def fund_detail(self):
        if pk := self._one("funds"):
            self.get(f"/welfare/funds/{pk}/", name="fund detail")

    @task(1)
    def rollup(self):
        self.get("/welfare/rollup/", name="welfare roll-up")

    @task(3)
    def meeting_list(self):
        self.get("/meetings/", name="meeting list")

    @task(3)
    def meeting_detail(self):
        if pk := self._one("meetings"):
            self.get(f"/meetings/{pk}/", name="meeting detail")

    @task(2)
    def action_items(self):
        self.get("/meetings/actions/", name="action item list")

    @task(2)
    def organisations(self):
        self.get(f"/directory/organisations/?q={random.choice(SEARCHES)}", name="organisation search")

    @task(2)
    def organisation_detail(self):
        if pk := self._one("organisations"):
            self.get(f"/directory/organisations/{pk}/", name="organisation detail")

    @task(2)
    def people(self):
        self.get("/directory/people/", name="person list")

    @task(1)
    def person_detail(self):
        if pk := self._one("people"):
            self.get(f"/directory/people/{pk}/", name="person detail")

    @task(1)
    def area_search(self):
        self.get(f"/areas/search/?q={random.choice(('เมือง', 'หนอง', 'บ้าน'))}", name="area search")

    @task(2)
    def api_funds(self):
        self.get("/api/welfare/funds", headers=self.api, name="API funds")

    @task(2)
    def api_meetings(self):
        self.get("/api/meetings", headers=self.api, name="API meetings")

    @task(1)
    def api_people(self):
        self.get(f"/api/people?q={random.choice(SEARCHES)}", headers=self.api, name="API people search")

    @task(1)
    def api_organisations(self):
        self.get("/api/organisations", headers=self.api, name="API organisations")
