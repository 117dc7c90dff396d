"""The terminal demo and console channel, typed into as a person would."""

from __future__ import annotations

import io

from bot.channels.console import Console
from bot.demo import set_up
from tests.world import World


def test_the_demo_people_can_work_the_sample_plan_from_the_console(sessions, tmp_path):
    world = World.build(sessions, tmp_path)
    set_up(world.app)
    set_up(world.app)  # running the demo twice registers nobody twice

    out = io.StringIO()
    console = Console(world.app, "canbo", out)
    console.run(["/nhiemvu"])
    listing = out.getvalue()
    assert "Nhiệm vụ của Sở Nội vụ" in listing
    assert "[1] I.1" in listing  # buttons are numbered choices
    assert "<b>" not in listing and "&amp;" not in listing  # plain text in a terminal

    console.run(["1"])  # press the first button: the card of I.1
    card = out.getvalue()[len(listing) :]
    assert "Sản phẩm: Kế hoạch của UBND tỉnh" in card
    assert "Cập nhật tiến độ" in card


def test_a_person_without_an_account_is_told_to_register(sessions, tmp_path):
    world = World.build(sessions, tmp_path)
    out = io.StringIO()
    Console(world.app, "khach", out).run(["/nhiemvu", "/thoat", "/nhiemvu"])
    assert out.getvalue().count("/start") >= 1
    assert out.getvalue().count("chưa đăng ký") == 1  # nothing after /thoat


def test_a_file_is_sent_with_slash_file(sessions, tmp_path):
    world = World.build(sessions, tmp_path)
    set_up(world.app)
    out = io.StringIO()
    Console(world.app, "canbo", out).run([f"/file {tmp_path / 'khong-co.pdf'}"])
    assert "Không có tệp này." in out.getvalue()
