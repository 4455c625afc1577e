import factory
from django.utils import timezone

from ccc.choices import CasePriority, CaseSource, CaseStatus
from ccc.deadlines import first_reply_deadline
from ccc.models import Case, Message, Thread
from ncb.models import Unit


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    source = CaseSource.STAFF
    summary = factory.Sequence(lambda n: f"Case number {n}")
    priority = CasePriority.STANDARD
    status = CaseStatus.NEW
    language = "en"
    site = factory.LazyFunction(lambda: Unit.objects.get(code="ccc-lyon"))
    opened_at = factory.LazyFunction(timezone.now)
    deadline = factory.LazyAttribute(
        lambda case: first_reply_deadline(priority=case.priority, opened_at=case.opened_at)
    )


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread

    case = factory.SubFactory(CaseFactory)
    ncb = factory.LazyFunction(lambda: Unit.objects.get(code="ncb-fr"))


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    thread = factory.SubFactory(ThreadFactory)
    from_ccc = True
    body = factory.Sequence(lambda n: f"Message {n}")
    language = "en"
    created_at = factory.LazyFunction(timezone.now)
