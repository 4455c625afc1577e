from .catalogue import Course, Session, Topic
from .enrolment import Certificate, Enrolment
from .needs import TrainingNeed

__all__ = ["Certificate", "Course", "Enrolment", "Session", "Topic", "TrainingNeed"]
