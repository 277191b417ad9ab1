"""Common Chinese surnames, for spotting names that nobody introduces ("张大爷", "我妈王秀英").

The most common single-character surnames, less those that are also everyday words in front of
a title or a name ("文老师" is a 语文 teacher, "宁" starts 宁夏, "农" starts 农村), plus common
two-character ones. Used only to mask names before text is stored (nlu.privacy).
"""

from __future__ import annotations

SINGLE = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧肖田董潘袁蔡蒋余杜叶程"
    "苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔汤常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿焦俞左柳祝包"
    "尚舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝辛靳柴蒙鲍喻祁蒲滕屈饶牟艾尤穆卓缪褚娄窦戚岑"
    "费卜晏席米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁巫寇郎甄丛仲虞敖巩佘邝"
)
DOUBLE = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐")

# A regular-expression group matching one surname.
PATTERN = "(?:" + "|".join(DOUBLE) + f"|[{SINGLE}])"
